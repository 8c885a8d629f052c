import { parseIamArn } from '../../aws/arn.js';
import { statementLabel } from '../../iam/policy.js';
import { federatedValues, samlStatements } from '../../iam/trust.js';
import { describeArnDefect } from '../../aws/arn.js';
import { defineRule } from '../define-rule.js';
import { listOf, trustPolicy } from './_shared.js';

const PRINCIPAL = '`"Principal": {"Federated": "arn:aws:iam::ACCOUNT:saml-provider/NAME"}`';

export const IAM003 = defineRule({
  meta: {
    code: 'IAM003',
    name: 'trust-principal-not-saml-provider',
    family: 'IAM',
    stage: 'policy',
    severity: 'error',
    summary: 'A trust policy statement allows `sts:AssumeRoleWithSAML` to a principal that is not a SAML provider ARN',
    facts: ['AWS-TP-001'],
    symptoms: ['not-authorized-assume-role'],
    needs: ['trustPolicy'],
    messages: {
      noPrincipal: {
        message: '{{statement}} allows `sts:AssumeRoleWithSAML` without a `Principal`',
        help: `a trust policy names who may assume the role: add ${PRINCIPAL} with the ARN of the IAM SAML provider (IAM, Identity providers)`,
      },
      anyPrincipal: {
        message: '{{statement}} allows `sts:AssumeRoleWithSAML` to every principal (`*`)',
        help: `name the one SAML provider the IdP signs for: ${PRINCIPAL}; with \`*\` only the conditions keep other identity providers out`,
      },
      notFederated: {
        message: '{{statement}} allows `sts:AssumeRoleWithSAML` to {{types}} principals, not to a `Federated` SAML provider',
        help: `SAML federation calls sts:AssumeRoleWithSAML as the SAML provider: use ${PRINCIPAL}`,
      },
      notSamlProvider: {
        message: '`Principal.Federated` `{{value}}` is not a SAML provider ARN',
        help: `use the ARN of the IAM SAML provider, ${PRINCIPAL}; web identity providers (\`accounts.google.com\`, \`cognito-identity.amazonaws.com\`, \`oidc-provider\` ARNs) serve sts:AssumeRoleWithWebIdentity`,
      },
      providerMalformed: {
        message: '`Principal.Federated` `{{value}}` {{defect}}',
        help: `copy the provider ARN from IAM (Identity providers, the provider’s summary): ${PRINCIPAL}`,
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    if (!trust) return;
    const { doc, policy } = trust;
    for (const statement of samlStatements(policy)) {
      const principal = statement.principal;
      const label = statementLabel(statement);
      if (!principal) {
        ctx.report({ messageId: 'noPrincipal', data: { statement: label }, location: ctx.at.json(doc, statement.node) });
        continue;
      }
      // NotPrincipal with Allow names who is *not* trusted; samlint does not judge it.
      if (principal.negated) continue;
      const location = ctx.at.json(doc, principal.node);
      if (principal.any || principal.entries.some((e) => e.type === 'AWS' && e.values.some((v) => v.text === '*'))) {
        ctx.report({ messageId: 'anyPrincipal', data: { statement: label }, location, severity: 'warning' });
        continue;
      }
      const federated = federatedValues(statement);
      if (!federated.length) {
        const types = listOf(principal.entries.map((e) => `\`${e.type}\``));
        ctx.report({ messageId: 'notFederated', data: { statement: label, types }, location });
        continue;
      }
      const parsed = federated.map((value) => ({ value, parsed: parseIamArn(value.text) }));
      // A wrong value next to a good provider is dead weight, not a failed login.
      const severity = parsed.some((p) => p.parsed.arn?.type === 'saml-provider') ? 'warning' : 'error';
      for (const { value, parsed: arn } of parsed) {
        if (arn.arn?.type === 'saml-provider') continue;
        const data = { value: value.text };
        const at = ctx.at.json(doc, value.node);
        if (arn.type === 'saml-provider' && arn.defect) {
          ctx.report({ messageId: 'providerMalformed', data: { ...data, defect: describeArnDefect(arn.defect) }, location: at, severity });
        } else ctx.report({ messageId: 'notSamlProvider', data, location: at, severity });
      }
    }
  },
});
