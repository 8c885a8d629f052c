import type { Rule } from '../../model/rule.js';

export const SIG001: Rule = {
  meta: {
    code: 'SIG001',
    name: 'response-unsigned',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'Neither the Response nor the Assertion carries a signature',
    facts: ['AWS-SIG-001'],
    symptoms: ['signature-invalid', 'invalid-saml-response'],
    messages: {
      unsigned: {
        message: 'nothing in the response is signed',
        help: 'turn on signing in the IdP’s application for AWS: sign the Assertion (AWS’s SP metadata asks for signed assertions), or the Response and the Assertion',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    // A signature inside an EncryptedAssertion cannot be seen without the key; SAML006 explains that case.
    if (!view || (view.encryptedAssertions.length > 0 && !view.decrypted) || ctx.signatures().length > 0) return;
    ctx.report({ messageId: 'unsigned', location: ctx.at.element(view.root) });
  },
};
