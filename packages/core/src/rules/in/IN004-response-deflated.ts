import type { Rule } from '../../model/rule.js';

export const IN004: Rule = {
  meta: {
    code: 'IN004',
    name: 'response-deflated',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The SAMLResponse is deflated (HTTP-Redirect binding) where AWS expects the HTTP-POST binding',
    facts: [],
    symptoms: ['invalid-base64', 'invalid-saml-response'],
    messages: {
      deflated: {
        message: 'the SAMLResponse is raw-deflated as in the HTTP-Redirect binding',
        help: 'configure the IdP to send the response with the HTTP-POST binding (plain base64, no compression) to the AWS sign-in endpoint',
      },
    },
  },
  check(ctx) {
    for (const problem of ctx.capture.problems) {
      if (problem.kind === 'deflated') ctx.report({ messageId: 'deflated', location: ctx.at.input(problem.range) });
    }
  },
};
