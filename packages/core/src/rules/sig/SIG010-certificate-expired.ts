import type { Location } from '../../model/finding.js';
import type { Certificate } from '../../model/certificate.js';
import { metadataFingerprints } from '../../sig/trust.js';
import { NS, descendants } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SIG010 = defineRule({
  meta: {
    code: 'SIG010',
    name: 'certificate-expired',
    family: 'SIG',
    stage: 'response',
    severity: 'info',
    summary: 'The signing certificate is outside its validity dates (AWS does not check them)',
    facts: [],
    symptoms: [],
    needs: ['now'],
    messages: {
      expired: {
        message: 'the {{source}} certificate expired on {{date}}',
        help: 'AWS ignores certificate expiry (“IAM does not evaluate or take action on the expiration of X.509 certificates”), so this alone does not break sign-in; other SPs may refuse it, so plan a rollover',
        profiles: { generic: { help: 'a service provider that checks certificate dates refuses this signature: roll the IdP over to a new certificate, and keep both in the metadata during the rollover' } },
      },
      notYetValid: {
        message: 'the {{source}} certificate is valid only from {{date}}',
        help: 'AWS ignores certificate dates; check the IdP’s clock and the certificate it is configured with',
        profiles: { generic: { help: 'a service provider that checks certificate dates refuses this signature; check the IdP’s clock and the certificate it is configured with' } },
      },
    },
  },
  check(ctx) {
    const now = ctx.env.now?.getTime();
    if (now === undefined) return;
    // The --metadata certificates are MD011's, located in the metadata, wherever else they appear.
    const seen = metadataFingerprints(ctx.env.trusted);
    const check = (certificate: Certificate, location?: Location) => {
      if (seen.has(certificate.fingerprint256)) return;
      seen.add(certificate.fingerprint256);
      if (certificate.notAfter.getTime() < now) {
        ctx.report({ messageId: 'expired', data: { source: certificate.source, date: certificate.notAfter.toISOString() }, location });
      } else if (certificate.notBefore.getTime() > now) {
        ctx.report({ messageId: 'notYetValid', data: { source: certificate.source, date: certificate.notBefore.toISOString() }, location });
      }
    };
    for (const signature of ctx.signatures()) {
      const elements = descendants(signature.element, NS.ds, 'X509Certificate');
      signature.keyInfoCertificates.forEach((c, i) => check(c, ctx.at.element(elements[i] ?? signature.element)));
    }
    for (const certificate of ctx.env.trusted) check(certificate);
  },
});
