import { idpKeyCertificates } from '../../saml/metadata.js';
import { rsaKeyWeakness } from '../../sig/certificates.js';
import { SYMPTOMS } from '../../model/symptoms.js';
import { defineRule } from '../define-rule.js';
import { distinctCertificates, useOf } from './_shared.js';

export const MD012 = defineRule({
  meta: {
    code: 'MD012',
    name: 'metadata-weak-key',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'A certificate in the IdP metadata has an RSA key under 2048 bits (under 1024, IAM refuses the metadata)',
    facts: ['AWS-MD-001'],
    symptoms: ['could-not-parse-metadata'],
    messages: {
      refused: {
        message: 'the {{use}} certificate has a {{bits}}-bit RSA key, under 1024 bits',
        help: 'create a new IdP signing certificate with a 2048-bit (or larger) key in the IdP application and export the metadata again; IAM refuses metadata with keys under 1024 bits',
        profiles: { generic: { help: 'create a new IdP signing certificate with a 2048-bit (or larger) key in the IdP application and export the metadata again; keys under 1024 bits are broken, and service providers refuse them' } },
      },
      weak: {
        message: 'the {{use}} certificate has a {{bits}}-bit RSA key, under 2048 bits',
        help: 'roll the IdP over to a certificate with a 2048-bit (or larger) key; keep both in the metadata during the rollover',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    for (const key of distinctCertificates(idpKeyCertificates(root))) {
      if (!key.result.ok) continue;
      const weakness = rsaKeyWeakness(key.result.certificate);
      if (!weakness) continue;
      const refused = weakness === 'refused';
      const notes = refused && ctx.env.profile === 'aws' ? [`IAM refuses the metadata: \`${SYMPTOMS['could-not-parse-metadata']}\``] : [];
      ctx.report({
        messageId: weakness,
        data: { use: useOf(key), bits: key.result.certificate.keyBits ?? 0 },
        location: ctx.at.element(key.element),
        severity: refused ? 'error' : undefined,
        notes,
      });
    }
  },
});
