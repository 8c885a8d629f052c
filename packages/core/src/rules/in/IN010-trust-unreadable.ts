import { defineRule } from '../define-rule.js';

export const IN010 = defineRule({
  meta: {
    code: 'IN010',
    name: 'trust-unreadable',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'A certificate given with --cert or the metadata given with --metadata cannot be used',
    facts: [],
    symptoms: [],
    messages: {
      unreadable: {
        message: '{{problem}}',
        help: 'pass the IdP signing certificate as PEM, DER or base64 (--cert, repeatable) or the IdP’s SAML metadata XML (--metadata), the same document uploaded to the IAM SAML provider',
      },
    },
  },
  check(ctx) {
    for (const problem of ctx.env.trustProblems) ctx.report({ messageId: 'unreadable', data: { problem } });
  },
});
