import { describeCertificate } from '../../sig/certificates.js';
import { describeTarget } from '../../sig/coverage.js';
import { defineRule } from '../define-rule.js';

export const SIG005 = defineRule({
  meta: {
    code: 'SIG005',
    name: 'signature-value-mismatch',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'The SignatureValue does not verify with the key it should',
    facts: [],
    symptoms: ['signature-invalid'],
    messages: {
      untrusted: {
        message: 'no trusted certificate verifies the signature over {{target}}',
        help: 'the IdP signed with a key AWS does not know: upload the IdP’s current metadata to the IAM SAML provider (`aws iam update-saml-provider --saml-provider-arn ARN --saml-metadata-document file://metadata.xml`) or pass the right --cert',
        profiles: { generic: { help: 'the IdP signed with a key the service provider does not know: give the service provider the IdP’s current metadata, or pass the right --cert' } },
      },
      selfInconsistent: {
        message: 'the signature over {{target}} does not verify even with the certificate in its own KeyInfo',
        help: 'the SignatureValue or SignedInfo was damaged or edited after signing; capture the untouched POST again',
      },
    },
  },
  check(ctx) {
    const trusted = ctx.env.trusted;
    for (const signature of ctx.signatures()) {
      // Also when a digest failed too: an invented SignatureValue is a fault of its own.
      if (signature.signatureValueVerifies !== false) continue;
      const target = describeTarget(signature);
      if (!trusted.length) {
        ctx.report({ messageId: 'selfInconsistent', data: { target }, location: ctx.at.element(signature.element) });
        continue;
      }
      // A KeyInfo certificate no one trusts is the rotated-certificate case, which SIG006 explains.
      const known = new Set(trusted.map((c) => c.fingerprint256));
      if (signature.keyInfoCertificates.some((c) => !known.has(c.fingerprint256))) continue;
      ctx.report({
        messageId: 'untrusted',
        data: { target },
        location: ctx.at.element(signature.element),
        notes: trusted.map((c) => `tried ${describeCertificate(c)}`),
      });
    }
  },
});
