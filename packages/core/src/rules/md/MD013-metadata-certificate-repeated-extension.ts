import { idpKeyCertificates } from '../../saml/metadata.js';
import { derFromBase64 } from '../../sig/certificates.js';
import { certificateExtensionIds, describeExtension } from '../../sig/der.js';
import { SYMPTOMS } from '../../model/symptoms.js';
import { defineRule } from '../define-rule.js';
import { distinctCertificates, useOf } from './_shared.js';

/** The extensions that occur more than once, each named once, in order of first occurrence. */
function repeated(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

export const MD013 = defineRule({
  meta: {
    code: 'MD013',
    name: 'metadata-certificate-repeated-extension',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'A certificate in the IdP metadata has the same X.509 extension twice',
    facts: ['AWS-MD-001'],
    symptoms: ['could-not-parse-metadata'],
    messages: {
      repeated: {
        message: 'the {{use}} certificate has the {{extensions}} extension more than once',
        help: 'create a new signing certificate in the IdP (its own certificate generator, or `openssl req -x509` with each extension once) and export the metadata again; the certificate must be “free of any repeated extensions”',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    const notes = [
      'RFC 5280 §4.2: “A certificate MUST NOT include more than one instance of a particular extension”',
      ...(ctx.env.profile === 'aws' ? [`IAM refuses the metadata: \`${SYMPTOMS['could-not-parse-metadata']}\``] : []),
    ];
    for (const key of distinctCertificates(idpKeyCertificates(root))) {
      // Read from the DER itself: X509Certificate does not list extensions. Text that is not base64 is MD009's.
      const der = derFromBase64(key.base64);
      const ids = der ? certificateExtensionIds(der) : undefined;
      const twice = ids ? repeated(ids) : [];
      if (twice.length === 0) continue;
      const extensions = twice.map((id) => `\`${describeExtension(id)}\``).join(', ');
      ctx.report({ messageId: 'repeated', data: { use: useOf(key), extensions }, location: ctx.at.element(key.element), notes });
    }
  },
});
