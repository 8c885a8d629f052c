import { defineRule } from '../define-rule.js';

export const SIG001 = defineRule({
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
        profiles: { generic: { help: 'turn on signing in the IdP’s application: sign the Assertion, or the Response and the Assertion' } },
      },
      encryptedOnly: {
        message: 'nothing outside the EncryptedAssertion is signed, and whether the Assertion inside is signed cannot be seen without the key',
        help: 'pass the SP’s private key with --decryption-key so samlint can verify the Assertion’s own signature; until then nothing in this response is known to come from the IdP',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view || ctx.signatures().length > 0) return;
    // A signature inside an EncryptedAssertion cannot be seen without the key: say what was not
    // checked. A plaintext Assertion beside it is still unsigned, whatever else the response holds.
    const onlyEncrypted = view.encryptedAssertions.length > 0 && view.assertions.length === 0 && !view.decrypted;
    if (onlyEncrypted) ctx.report({ messageId: 'encryptedOnly', severity: 'warning', location: ctx.at.element(view.encryptedAssertions[0] as Element) });
    else ctx.report({ messageId: 'unsigned', location: ctx.at.element(view.root) });
  },
});
