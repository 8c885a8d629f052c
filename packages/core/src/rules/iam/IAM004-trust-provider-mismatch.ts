import { parseIamArn } from '../../aws/arn.js';
import { coversProvider } from '../../iam/evaluate.js';
import { federatedValues, samlStatements } from '../../iam/trust.js';
import { defineRule } from '../define-rule.js';
import { listOf, loginRoles, trustPolicy } from './_shared.js';

export const IAM004 = defineRule({
  meta: {
    code: 'IAM004',
    name: 'trust-provider-mismatch',
    family: 'IAM',
    stage: 'response',
    severity: 'error',
    summary: 'The trust policy does not trust the SAML provider the Role attribute names',
    facts: ['AWS-TP-001', 'AWS-ROLE-003'],
    symptoms: ['not-authorized-assume-role'],
    needs: ['trustPolicy'],
    messages: {
      mismatch: {
        message: 'the trust policy trusts {{trusted}}, not the Role attribute’s provider {{providers}}',
        help: 'make them the same IAM SAML provider: set `Principal.Federated` in the role trust policy to {{providers}}, or fix the provider ARN in the IdP’s role mapping if the policy names the right one',
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    const roles = loginRoles(ctx);
    if (!trust || !roles.length) return;
    const { doc, policy } = trust;
    const saml = samlStatements(policy);
    const trusted = saml.flatMap(federatedValues).filter((v) => parseIamArn(v.text).arn?.type === 'saml-provider');
    // Without a SAML provider to compare, IAM002 and IAM003 have already said what is wrong.
    const first = trusted[0];
    if (!first || saml.some((s) => roles.some((r) => coversProvider(s, r.providerArn)))) return;
    const providers = [...new Set(roles.map((r) => r.providerArn))];
    const notes: string[] = [];
    const lower = new Set(providers.map((p) => p.toLowerCase()));
    if (trusted.some((v) => lower.has(v.text.toLowerCase()))) {
      notes.push('the ARNs differ only in case; IAM compares a Principal ARN exactly');
    }
    const trustedAccounts = new Set(trusted.map((v) => parseIamArn(v.text).arn?.account));
    const roleAccounts = [...new Set(roles.map((r) => r.role.account))];
    if (roleAccounts.every((a) => !trustedAccounts.has(a))) {
      notes.push('the trusted provider is in another account than the role; IAM trusts only a SAML provider in the role’s own account');
    }
    ctx.report({
      messageId: 'mismatch',
      data: { trusted: listOf([...new Set(trusted.map((v) => `\`${v.text}\``))]), providers: listOf(providers.map((p) => `\`${p}\``)) },
      location: ctx.at.json(doc, first.node),
      labels: roles.map((r) => ({ location: r.providerLocation, message: 'the provider the IdP sends' })),
      notes,
    });
  },
});
