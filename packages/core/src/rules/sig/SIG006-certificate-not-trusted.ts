import { NS, descendants } from '../../xml/dom.js';
import { describeCertificate } from '../../sig/certificates.js';
import { defineRule } from '../define-rule.js';

export const SIG006 = defineRule({
  meta: {
    code: 'SIG006',
    name: 'certificate-not-trusted',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'The certificate in the signature’s KeyInfo is none of the trusted ones (a rotated IdP certificate)',
    facts: [],
    symptoms: ['signature-invalid'],
    needs: ['trust'],
    messages: {
      rotated: {
        message: 'the signing certificate (SHA-256 `{{fingerprint}}`) is not among the {{count}} trusted',
        help: 'the IdP most likely rotated its signing certificate: download its current metadata and run `aws iam update-saml-provider --saml-provider-arn ARN --saml-metadata-document file://metadata.xml` (AWS then shows “Response signature invalid” no more); keep both certificates in the metadata during a rotation',
        profiles: { generic: { help: 'the IdP most likely rotated its signing certificate: download its current metadata and give it to the service provider (and to samlint with --metadata); keep both certificates in the metadata during a rotation' } },
      },
    },
  },
  check(ctx) {
    const known = new Set(ctx.env.trusted.map((c) => c.fingerprint256));
    for (const signature of ctx.signatures()) {
      if (signature.status === 'valid') continue;
      const elements = descendants(signature.element, NS.ds, 'X509Certificate');
      signature.keyInfoCertificates.forEach((certificate, i) => {
        if (known.has(certificate.fingerprint256)) return;
        const element = elements[i] ?? signature.element;
        ctx.report({
          messageId: 'rotated',
          data: { fingerprint: certificate.fingerprint256, count: ctx.env.trusted.length },
          location: ctx.at.element(element),
          notes: [`in the response: ${describeCertificate(certificate)}`, ...ctx.env.trusted.map((c) => `trusted: ${describeCertificate(c)}`)],
        });
      });
    }
  },
});
