import type { Rule } from '../../model/rule.js';
import type { Location } from '../../model/finding.js';
import type { Certificate } from '../../sig/certificates.js';
import { NS, descendants } from '../../xml/dom.js';

/** AWS refuses IdP metadata whose key is shorter (facts AWS-MD-001, IAM-IDP). */
const AWS_MINIMUM_BITS = 1024;
/** Today's floor for RSA (NIST SP 800-57 part 1, 112-bit security). */
const RECOMMENDED_BITS = 2048;

function isShortRsa(certificate: Certificate): boolean {
  return certificate.keyType === 'rsa' && certificate.keyBits !== undefined && certificate.keyBits < RECOMMENDED_BITS;
}

export const SIG009: Rule = {
  meta: {
    code: 'SIG009',
    name: 'weak-key',
    family: 'SIG',
    stage: 'response',
    severity: 'warning',
    summary: 'The signing certificate has an RSA key under 2048 bits (under 1024, AWS refuses the metadata)',
    facts: ['AWS-MD-001'],
    symptoms: ['signature-invalid'],
    messages: {
      refused: {
        message: 'the {{source}} certificate has a {{bits}}-bit RSA key; AWS refuses keys under 1024 bits',
        help: 'create a new IdP signing certificate with at least a 2048-bit key, publish it in the IdP metadata and update the IAM SAML provider (“Unable to parse metadata” otherwise)',
      },
      weak: {
        message: 'the {{source}} certificate has a {{bits}}-bit RSA key, under 2048 bits',
        help: 'roll the IdP signing certificate over to a 2048-bit (or larger) key; keep both in the metadata during the rollover',
      },
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    const report = (certificate: Certificate, location?: Location) => {
      if (!isShortRsa(certificate) || seen.has(certificate.fingerprint256)) return;
      seen.add(certificate.fingerprint256);
      const bits = certificate.keyBits ?? 0;
      ctx.report({
        messageId: bits < AWS_MINIMUM_BITS ? 'refused' : 'weak',
        data: { source: certificate.source, bits },
        severity: bits < AWS_MINIMUM_BITS ? 'error' : 'warning',
        location,
      });
    };
    for (const signature of ctx.signatures()) {
      const elements = descendants(signature.element, NS.ds, 'X509Certificate');
      signature.keyInfoCertificates.forEach((c, i) => report(c, ctx.at.element(elements[i] ?? signature.element)));
    }
    for (const certificate of ctx.env.trusted) report(certificate);
  },
};
