import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN004 = defineRule({
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
        profiles: { generic: { help: 'configure the IdP to send the response with the HTTP-POST binding (plain base64, no compression) to the service provider’s ACS URL; the SAML Web Browser SSO profile does not allow the HTTP-Redirect binding for responses' } },
      },
      bomb: {
        message: 'the deflated value inflates to more than {{limit}} bytes, far beyond any SAML response',
        help: 'this is not a real SAMLResponse (a decompression bomb or unrelated data); capture the POST to the AWS sign-in endpoint again',
        profiles: { generic: { help: 'this is not a real SAMLResponse (a decompression bomb or unrelated data); capture the POST to the service provider’s ACS URL again' } },
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN004', {
      deflated: (problem) => ({ messageId: 'deflated' as const, location: ctx.at.input(problem.range) }),
      'deflate-bomb': (problem) => ({ messageId: 'bomb' as const, data: { limit: problem.limit }, location: ctx.at.input(problem.range) }),
    });
  },
});
