import { defineRule } from '../define-rule.js';
import { describeCertificateProblem } from '../../sig/certificates.js';
import type { TrustProblem } from '../../model/certificate.js';
import type { Profile } from '../../model/environment.js';

function describe(problem: TrustProblem, profile: Profile): string {
  switch (problem.kind) {
    case 'certificate-unreadable':
      return `${problem.source}: ${describeCertificateProblem(problem.problem)}`;
    case 'metadata-not-utf8':
      return `--metadata: not UTF-8 text (UTF-16 or another encoding); ${profile === 'aws' ? 'IAM takes' : 'samlint reads'} metadata as UTF-8`;
    case 'metadata-not-saml':
      return '--metadata: not a SAML metadata document (EntityDescriptor or EntitiesDescriptor)';
  }
}

export const IN010 = defineRule({
  meta: {
    code: 'IN010',
    name: 'trust-unreadable',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'A certificate given with --cert or the metadata given with --metadata cannot be used',
    facts: [],
    symptoms: [],
    messages: {
      unreadable: {
        message: '{{problem}}',
        help: 'pass the IdP signing certificate as PEM, DER or base64 (--cert, repeatable) or the IdP’s SAML metadata XML (--metadata), the same document uploaded to the IAM SAML provider',
        profiles: { generic: { help: 'pass the IdP signing certificate as PEM, DER or base64 (--cert, repeatable) or the IdP’s SAML metadata XML (--metadata), the same document the service provider trusts' } },
      },
    },
  },
  check(ctx) {
    for (const problem of ctx.env.trustProblems) ctx.report({ messageId: 'unreadable', data: { problem: describe(problem, ctx.env.profile) } });
  },
});
