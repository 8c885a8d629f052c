import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN005 = defineRule({
  meta: {
    code: 'IN005',
    name: 'double-url-encoded',
    family: 'IN',
    stage: 'capture',
    severity: 'warning',
    summary: 'The form body or SAMLResponse value is URL-encoded twice',
    facts: [],
    symptoms: ['invalid-base64', 'invalid-saml-response'],
    messages: {
      body: {
        message: 'the form body is URL-encoded twice',
        help: 'if the IdP or a proxy posts it like this, AWS cannot read the fields: make sure the form body is encoded exactly once',
        profiles: { generic: { help: 'if the IdP or a proxy posts it like this, the service provider cannot read the fields: make sure the form body is encoded exactly once' } },
      },
      value: {
        message: 'the `SAMLResponse` value is URL-encoded twice',
        help: 'if the IdP posts it like this, AWS cannot decode it: the value must be encoded once, as `application/x-www-form-urlencoded`',
        profiles: { generic: { help: 'if the IdP posts it like this, the service provider cannot decode it: the value must be encoded once, as `application/x-www-form-urlencoded`' } },
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN005', {
      'double-url-encoded': (problem) => ({ messageId: problem.what, location: ctx.at.input(problem.range) }),
    });
  },
});
