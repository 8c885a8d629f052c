import { statementLabel } from '../../iam/policy.js';
import { audConditions, samlStatements } from '../../iam/trust.js';
import { defineRule } from '../define-rule.js';
import { trustPolicy } from './_shared.js';

export const IAM005 = defineRule({
  meta: {
    code: 'IAM005',
    name: 'saml-aud-condition-missing',
    family: 'IAM',
    stage: 'policy',
    severity: 'warning',
    summary: 'A trust policy statement allows `sts:AssumeRoleWithSAML` without a `SAML:aud` condition',
    facts: ['AWS-TP-001'],
    symptoms: [],
    needs: ['trustPolicy'],
    messages: {
      missing: {
        message: '{{statement}} allows `sts:AssumeRoleWithSAML` without a `SAML:aud` condition',
        help: 'add `"Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}` to the statement, listing every sign-in endpoint the IdP posts to (the regional one too, as a list, for regional sign-in)',
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    if (!trust) return;
    for (const statement of samlStatements(trust.policy)) {
      if (audConditions(statement).length) continue;
      ctx.report({ messageId: 'missing', data: { statement: statementLabel(statement) }, location: ctx.at.json(trust.doc, statement.node) });
    }
  },
});
