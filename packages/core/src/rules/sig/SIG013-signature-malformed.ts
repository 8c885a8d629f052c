import type { Rule } from '../../model/rule.js';

export const SIG013: Rule = {
  meta: {
    code: 'SIG013',
    name: 'signature-malformed',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'A signature cannot be verified at all: missing parts, unsupported algorithms, or no key to verify with',
    facts: [],
    symptoms: ['signature-invalid'],
    messages: {
      malformed: {
        message: 'the signature cannot be processed: {{detail}}',
        help: 'compare the IdP’s signing settings with what XML Signature and SAML require (one SignedInfo, a SignatureMethod such as RSA-SHA256, exclusive C14N, one `#ID` Reference); if the response was edited, capture it again untouched',
      },
      unverifiable: {
        message: 'the signature has no certificate in KeyInfo and no trusted certificate was given',
        help: 'pass the IdP signing certificate with --cert or its metadata with --metadata so samlint can verify the signature',
      },
    },
  },
  check(ctx) {
    for (const signature of ctx.signatures()) {
      // Duplicated IDs make xml-crypto refuse the signature; SIG003 names them.
      const duplicated = signature.references.some((r) => r.targets.length > 1);
      if (signature.status === 'malformed' && !duplicated) {
        ctx.report({ messageId: 'malformed', data: { detail: signature.detail ?? 'unknown' }, location: ctx.at.element(signature.element) });
      } else if (signature.status === 'unverifiable') {
        ctx.report({ messageId: 'unverifiable', severity: 'info', location: ctx.at.element(signature.element) });
      }
    }
  },
};
