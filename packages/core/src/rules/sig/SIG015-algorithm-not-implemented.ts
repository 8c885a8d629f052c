import { defineRule } from '../define-rule.js';

export const SIG015 = defineRule({
  meta: {
    code: 'SIG015',
    name: 'algorithm-not-implemented',
    family: 'SIG',
    stage: 'response',
    // A warning, not info: a forger can name any algorithm samlint lacks, and what is not verified
    // must never pass as clean (the same reasoning as SIG013's `unverifiable`).
    severity: 'warning',
    summary: 'A signature uses a registered XML Signature algorithm samlint does not implement, so samlint did not check it',
    facts: [],
    symptoms: [],
    messages: {
      notImplemented: {
        message: 'samlint cannot verify `{{algorithm}}`, so this signature is not checked and nothing it signs is known to come from the IdP',
        help: 'this is a limit of samlint, not a fault of the document: verify the response with another tool (`xmlsec1 --verify --pubkey-cert-pem idp.crt response.xml`), or have the IdP sign with RSA-SHA256 and a SHA-256 digest, which every service provider verifies',
      },
    },
  },
  check(ctx) {
    for (const signature of ctx.signatures()) {
      if (signature.unimplementedAlgorithm === undefined) continue;
      ctx.report({ messageId: 'notImplemented', data: { algorithm: signature.unimplementedAlgorithm }, location: ctx.at.element(signature.element) });
    }
  },
});
