import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN002 = defineRule({
  meta: {
    code: 'IN002',
    name: 'base64-invalid',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The SAMLResponse contains a character that is not in the base64 alphabet',
    facts: [],
    symptoms: ['invalid-base64', 'invalid-saml-response'],
    messages: {
      invalid: {
        message: 'character `{{character}}` is not valid in base64',
        help: 'copy the value again without truncation or extra text; a `-` or `_` means base64url, which the POST binding does not use',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN002', {
      'invalid-base64': (problem) => ({ messageId: 'invalid' as const, data: { character: problem.character }, location: ctx.at.input(problem.range) }),
    });
  },
});
