import { NS, firstChild } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const SHA1 = new Set([
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
  'http://www.w3.org/2000/09/xmldsig#sha1',
]);

export const SIG007 = defineRule({
  meta: {
    code: 'SIG007',
    name: 'weak-algorithm',
    family: 'SIG',
    stage: 'response',
    severity: 'warning',
    summary: 'The signature or a digest uses SHA-1',
    facts: ['AWS-SIG-001'],
    symptoms: [],
    messages: {
      signature: {
        message: 'signature algorithm `{{algorithm}}` uses SHA-1',
        help: 'set the IdP’s signing algorithm to RSA-SHA256 (Okta, Entra ID and ADFS all offer it; ADFS: `Set-AdfsRelyingPartyTrust -SignatureAlgorithm http://www.w3.org/2001/04/xmldsig-more#rsa-sha256`)',
      },
      digest: {
        message: 'digest algorithm `{{algorithm}}` is SHA-1',
        help: 'set the IdP’s digest algorithm to SHA-256',
      },
    },
  },
  check(ctx) {
    for (const signature of ctx.signatures()) {
      const signedInfo = firstChild(signature.element, NS.ds, 'SignedInfo');
      const method = signedInfo && firstChild(signedInfo, NS.ds, 'SignatureMethod');
      if (method && signature.signatureMethod && SHA1.has(signature.signatureMethod)) {
        ctx.report({ messageId: 'signature', data: { algorithm: signature.signatureMethod }, location: ctx.at.attribute(method, 'Algorithm') });
      }
      for (const reference of signature.references) {
        const digest = firstChild(reference.element, NS.ds, 'DigestMethod');
        if (digest && reference.digestMethod && SHA1.has(reference.digestMethod)) {
          ctx.report({ messageId: 'digest', data: { algorithm: reference.digestMethod }, location: ctx.at.attribute(digest, 'Algorithm') });
        }
      }
    }
  },
});
