import type { Location } from '../../model/finding.js';
import type { Certificate } from '../../model/certificate.js';
import { rsaKeyWeakness } from '../../sig/certificates.js';
import { metadataFingerprints } from '../../sig/trust.js';
import { NS, descendants } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SIG009 = defineRule({
  meta: {
    code: 'SIG009',
    name: 'weak-key',
    family: 'SIG',
    stage: 'response',
    severity: 'warning',
    summary: 'The signing certificate has an RSA key under 2048 bits (under 1024, AWS refuses the metadata)',
    facts: ['AWS-MD-001'],
    symptoms: ['signature-invalid', 'could-not-parse-metadata'],
    messages: {
      refused: {
        message: 'the {{source}} certificate has a {{bits}}-bit RSA key; AWS refuses keys under 1024 bits',
        help: 'create a new IdP signing certificate with at least a 2048-bit key, publish it in the IdP metadata and update the IAM SAML provider (“Unable to parse metadata” otherwise)',
        profiles: { generic: { message: 'the {{source}} certificate has a {{bits}}-bit RSA key, under 1024 bits', help: 'create a new IdP signing certificate with at least a 2048-bit key, publish it in the IdP metadata and give that to the service provider; keys under 1024 bits are broken, and service providers refuse them' } },
      },
      weak: {
        message: 'the {{source}} certificate has a {{bits}}-bit RSA key, under 2048 bits',
        help: 'roll the IdP signing certificate over to a 2048-bit (or larger) key; keep both in the metadata during the rollover',
      },
    },
  },
  check(ctx) {
    // The --metadata certificates are MD012's, located in the metadata, wherever else they appear.
    const seen = metadataFingerprints(ctx.env.trusted);
    const report = (certificate: Certificate, location?: Location) => {
      const weakness = rsaKeyWeakness(certificate);
      if (!weakness || seen.has(certificate.fingerprint256)) return;
      seen.add(certificate.fingerprint256);
      ctx.report({
        messageId: weakness,
        data: { source: certificate.source, bits: certificate.keyBits ?? 0 },
        severity: weakness === 'refused' ? 'error' : 'warning',
        location,
      });
    };
    for (const signature of ctx.signatures()) {
      const elements = descendants(signature.element, NS.ds, 'X509Certificate');
      signature.keyInfoCertificates.forEach((c, i) => report(c, ctx.at.element(elements[i] ?? signature.element)));
    }
    for (const certificate of ctx.env.trusted) report(certificate);
  },
});
