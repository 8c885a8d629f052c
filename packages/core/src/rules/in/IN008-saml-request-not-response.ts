import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN008 = defineRule({
  meta: {
    code: 'IN008',
    name: 'saml-request-not-response',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The form body carries a SAMLRequest, not the SAMLResponse AWS needs',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      request: {
        message: 'the form body has a `SAMLRequest` and no `SAMLResponse`',
        help: 'capture the POST from the IdP to the AWS sign-in endpoint, which carries `SAMLResponse`; AWS is IdP-initiated only and sends no request',
        profiles: { generic: { help: 'capture the POST from the IdP to the service provider’s ACS URL, which carries `SAMLResponse`; a `SAMLRequest` is the service provider’s AuthnRequest to the IdP, not the IdP’s answer' } },
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN008', {
      'saml-request': (problem) => ({ messageId: 'request' as const, location: ctx.at.input(problem.range) }),
    });
  },
});
