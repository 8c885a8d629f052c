import { idpKeyCertificates } from '../../saml/metadata.js';
import { describeCertificate } from '../../sig/certificates.js';
import { defineRule } from '../define-rule.js';
import { distinctCertificates, useOf } from './_shared.js';

export const MD011 = defineRule({
  meta: {
    code: 'MD011',
    name: 'metadata-certificate-expired',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'A certificate in the IdP metadata is outside its validity dates (AWS does not check them)',
    facts: [],
    symptoms: [],
    needs: ['now'],
    messages: {
      expired: {
        message: 'the {{use}} certificate expired on {{date}}',
        help: 'roll the IdP over to a new certificate: add it to the IdP application, publish the metadata with both certificates, update the service provider (AWS: `aws iam update-saml-provider`), then switch the IdP to sign with the new one',
        profiles: { generic: { help: 'roll the IdP over to a new certificate: add it to the IdP application, publish the metadata with both certificates, update the service provider, then switch the IdP to sign with the new one' } },
      },
      notYetValid: {
        message: 'the {{use}} certificate is valid only from {{date}}',
        help: 'a certificate dated in the future was made on a machine with a wrong clock or published early; check the dates in the IdP application and export the metadata again',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    const now = ctx.env.now?.getTime();
    if (!root || now === undefined) return;
    // "IAM does not evaluate or take action on the expiration of X.509 certificates" (facts §11).
    const aws = ctx.env.profile === 'aws';
    const severity = aws ? 'info' : undefined;
    for (const key of distinctCertificates(idpKeyCertificates(root))) {
      if (!key.result.ok) continue;
      const certificate = key.result.certificate;
      const notes = [
        describeCertificate(certificate),
        ...(aws ? ['IAM ignores certificate dates: sign-in keeps working with this certificate'] : []),
      ];
      const data = { use: useOf(key) };
      const location = ctx.at.element(key.element);
      if (certificate.notAfter.getTime() < now) {
        ctx.report({ messageId: 'expired', data: { ...data, date: certificate.notAfter.toISOString() }, location, notes, severity });
      } else if (certificate.notBefore.getTime() > now) {
        ctx.report({ messageId: 'notYetValid', data: { ...data, date: certificate.notBefore.toISOString() }, location, notes, severity });
      }
    }
  },
});
