import { defineRule } from '../define-rule.js';

export const SIG013 = defineRule({
  meta: {
    code: 'SIG013',
    name: 'signature-malformed',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'A signature cannot be verified at all: missing parts, outside the SAML profile, an unknown algorithm, or no key to verify with',
    facts: [],
    symptoms: ['signature-invalid'],
    messages: {
      malformed: {
        message: 'the signature cannot be processed: {{detail}}',
        help: 'compare the IdP’s signing settings with what XML Signature and SAML require (one SignedInfo, a SignatureMethod such as RSA-SHA256, exclusive C14N, one `#ID` Reference); if the response was edited, capture it again untouched',
      },
      notVerified: {
        message: 'the signature is not verified: {{detail}}',
        help: 'a SAML element carries one Signature; a second one over the same element is not something an IdP emits: treat the response as edited and capture it again untouched',
      },
      unverifiable: {
        message: 'the signature is not verified: it has no certificate in KeyInfo and no trusted certificate was given',
        help: 'pass the IdP signing certificate with --cert or its metadata with --metadata so samlint can verify the signature; until then nothing in this response is known to come from the IdP',
      },
    },
  },
  check(ctx) {
    for (const signature of ctx.signatures()) {
      const location = ctx.at.element(signature.element);
      // An algorithm samlint lacks is SIG015's: samlint's limit, not the document's fault.
      if (signature.status === 'malformed' && signature.unimplementedAlgorithm === undefined) {
        ctx.report({ messageId: 'malformed', data: { detail: signature.detail ?? 'unknown' }, location });
      } else if (signature.status === 'not-verified') {
        ctx.report({ messageId: 'notVerified', data: { detail: signature.detail ?? 'unknown' }, location });
      } else if (signature.status === 'unverifiable') {
        // Not an error in the document, but what samlint could not check must never read as "no problems".
        ctx.report({ messageId: 'unverifiable', severity: 'warning', location });
      }
    }
  },
});
