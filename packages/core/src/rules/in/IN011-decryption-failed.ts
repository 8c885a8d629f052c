import { NS, firstChild } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const IN011 = defineRule({
  meta: {
    code: 'IN011',
    name: 'decryption-failed',
    family: 'IN',
    stage: 'response',
    severity: 'error',
    summary: 'The EncryptedAssertion cannot be decrypted with the key given in --decryption-key',
    facts: ['AWS-RCPT-002'],
    symptoms: ['invalid-saml-response'],
    messages: {
      failed: {
        message: 'the EncryptedAssertion cannot be read with --decryption-key: {{problem}}',
        help: 'pass the private key whose certificate the IdP encrypts to (the key you added to the IAM SAML provider; IAM keeps at most two); if it is the right key, the IdP uses an algorithm AWS does not list (AES-CBC or AES-GCM with RSA-OAEP)',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const encrypted = view?.encryptedAssertions[0];
    if (!view || !encrypted || ctx.env.decryptionProblem === undefined) return;
    // A structurally broken EncryptedAssertion is SAML026's to report; here only keys and ciphers fail.
    if (!firstChild(encrypted, NS.xenc, 'EncryptedData')) return;
    ctx.report({
      messageId: 'failed',
      data: { problem: ctx.env.decryptionProblem },
      location: ctx.at.element(encrypted),
    });
  },
});
