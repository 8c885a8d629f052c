import { idpKeyCertificates } from '../../saml/metadata.js';
import { describeCertificateProblem } from '../../sig/certificates.js';
import { SYMPTOMS } from '../../model/symptoms.js';
import { defineRule } from '../define-rule.js';
import { useOf } from './_shared.js';

export const MD009 = defineRule({
  meta: {
    code: 'MD009',
    name: 'metadata-certificate-unreadable',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'A certificate in the IdP metadata is not base64 or not an X.509 certificate',
    facts: ['AWS-MD-001'],
    symptoms: ['could-not-parse-metadata'],
    messages: {
      pemArmour: {
        message: 'the {{use}} certificate is PEM, with its `-----BEGIN CERTIFICATE-----` line',
        help: '`ds:X509Certificate` holds the base64 DER alone: remove the `-----BEGIN CERTIFICATE-----` and `-----END CERTIFICATE-----` lines, or export the metadata again from the IdP',
      },
      unreadable: {
        message: 'the {{use}} certificate cannot be read: {{problem}}',
        help: 'export the metadata again from the IdP instead of pasting the certificate by hand: `ds:X509Certificate` holds the base64 DER of the certificate, without the `-----BEGIN CERTIFICATE-----` lines',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    const notes = ctx.env.profile === 'aws' ? [`IAM refuses such metadata: \`${SYMPTOMS['could-not-parse-metadata']}\``] : [];
    for (const key of idpKeyCertificates(root)) {
      if (key.result.ok) continue;
      const location = ctx.at.element(key.element);
      if (key.base64.includes('-----BEGIN')) {
        ctx.report({ messageId: 'pemArmour', data: { use: useOf(key) }, location, notes });
        continue;
      }
      // The location says where, so the problem needs no source.
      const problem = describeCertificateProblem(key.result.problem);
      ctx.report({ messageId: 'unreadable', data: { use: useOf(key), problem }, location, notes });
    }
  },
});
