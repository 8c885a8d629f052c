import { NS, childElements, firstChild } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const EXCLUSIVE_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** The SAML profile of XML Signature: enveloped signature, then exclusive C14N (SAML core §5.4.3, §5.4.4). */
const EXPECTED_TRANSFORMS = new Set([ENVELOPED, EXCLUSIVE_C14N]);

export const SIG008 = defineRule({
  meta: {
    code: 'SIG008',
    name: 'unexpected-transform',
    family: 'SIG',
    stage: 'response',
    severity: 'warning',
    summary: 'The signature uses a canonicalisation or transform other than enveloped-signature and exclusive C14N',
    facts: [],
    symptoms: ['signature-invalid'],
    messages: {
      canonicalization: {
        message: 'SignedInfo canonicalisation `{{algorithm}}` is not exclusive C14N',
        help: 'SAML signatures use exclusive canonicalisation (`http://www.w3.org/2001/10/xml-exc-c14n#`); inclusive or with-comments forms break when the assertion is moved or re-wrapped and sign comments an attacker can split values with — set the IdP to exclusive C14N',
      },
      transform: {
        message: 'reference transform `{{algorithm}}` is not one SAML signatures use',
        help: 'a SAML reference carries only the enveloped-signature and exclusive C14N transforms (SAML core §5.4.4); XPath, XSLT or inclusive transforms change what the digest covers — treat this as suspicious or fix the IdP’s signing settings',
      },
    },
  },
  check(ctx) {
    for (const signature of ctx.signatures()) {
      const signedInfo = firstChild(signature.element, NS.ds, 'SignedInfo');
      const method = signedInfo && firstChild(signedInfo, NS.ds, 'CanonicalizationMethod');
      if (method && signature.canonicalizationMethod && signature.canonicalizationMethod !== EXCLUSIVE_C14N) {
        ctx.report({
          messageId: 'canonicalization',
          data: { algorithm: signature.canonicalizationMethod },
          location: ctx.at.attribute(method, 'Algorithm'),
        });
      }
      for (const reference of signature.references) {
        const transforms = firstChild(reference.element, NS.ds, 'Transforms');
        for (const transform of transforms ? childElements(transforms, NS.ds, 'Transform') : []) {
          const algorithm = transform.getAttribute('Algorithm') ?? '';
          if (EXPECTED_TRANSFORMS.has(algorithm)) continue;
          ctx.report({ messageId: 'transform', data: { algorithm }, location: ctx.at.attribute(transform, 'Algorithm') });
        }
      }
    }
  },
});
