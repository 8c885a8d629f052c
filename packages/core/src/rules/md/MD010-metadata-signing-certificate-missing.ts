import { idpKeyCertificates } from '../../saml/metadata.js';
import { NS, childElements, descendants } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { idpDescriptors } from './_shared.js';

export const MD010 = defineRule({
  meta: {
    code: 'MD010',
    name: 'metadata-signing-certificate-missing',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The IdP metadata has no signing certificate to verify responses with',
    facts: ['AWS-MD-001'],
    symptoms: [],
    messages: {
      missing: {
        message: '`IDPSSODescriptor` has no signing certificate',
        help: 'export the metadata again from the IdP application: it lists the signing certificate in `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>`; IAM reads the keys that verify responses from there',
        profiles: { generic: { help: 'export the metadata again from the IdP application: it lists the signing certificate in `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>`; service providers read the keys that verify responses from there' } },
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    const keys = idpKeyCertificates(root);
    const withCertificate = new Set(keys.map((key) => key.descriptor));
    const withSigning = new Set(keys.filter((key) => key.uses.includes('signing')).map((key) => key.descriptor));
    for (const descriptor of idpDescriptors(root)) {
      if (withSigning.has(descriptor)) continue;
      const keyDescriptors = childElements(descriptor, NS.md, 'KeyDescriptor');
      const notes = [
        ...(withCertificate.has(descriptor)
          ? ['its certificates are all in `use="encryption"` KeyDescriptors, which no signature is verified with']
          : []),
        ...(keyDescriptors.some((k) => descendants(k, NS.ds, 'X509Certificate').length === 0)
          ? ['a KeyDescriptor without `ds:X509Certificate` (a bare `KeyName` or `KeyValue`) names no certificate samlint can verify with']
          : []),
      ];
      ctx.report({ messageId: 'missing', location: ctx.at.element(descriptor), notes });
    }
  },
});
