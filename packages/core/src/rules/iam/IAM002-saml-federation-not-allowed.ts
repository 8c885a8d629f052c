import { property } from '../../json/tree.js';
import { policyKind, statementLabel } from '../../iam/policy.js';
import { ASSUME_ROLE_WITH_SAML, federatedValues, samlStatements, unconditionalDenial } from '../../iam/trust.js';
import { defineRule } from '../define-rule.js';
import { listOf, trustPolicy } from './_shared.js';

const STATEMENT =
  '`{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::ACCOUNT:saml-provider/NAME"}, "Action": "sts:AssumeRoleWithSAML", "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}`';

export const IAM002 = defineRule({
  meta: {
    code: 'IAM002',
    name: 'saml-federation-not-allowed',
    family: 'IAM',
    stage: 'policy',
    severity: 'error',
    summary: 'The trust policy does not allow `sts:AssumeRoleWithSAML`, or denies it outright',
    facts: ['AWS-TP-001'],
    symptoms: ['not-authorized-assume-role'],
    needs: ['trustPolicy'],
    messages: {
      missing: {
        message: 'no statement of the trust policy allows `sts:AssumeRoleWithSAML`',
        help: `add a statement to the role trust policy (IAM, Roles, Trust relationships): ${STATEMENT}, with the ACCOUNT and NAME of the IAM SAML provider`,
      },
      denied: {
        message: '{{statement}} denies `sts:AssumeRoleWithSAML` without a condition',
        help: 'an explicit Deny overrides every Allow: remove this statement from the role trust policy, or limit it with a Condition that a good login does not meet',
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    if (!trust) return;
    const { doc, policy } = trust;
    const saml = samlStatements(policy);
    if (!saml.length) {
      const notes: string[] = [];
      // A permission policy passed as --trust-policy is a common mix-up: say so rather than only "missing".
      if (doc.artifact === 'trust-policy' && policyKind(policy.root) === 'permission') {
        notes.push('this looks like a permission policy: no statement has a `Principal`; pass the role’s trust relationship with --trust-policy');
      }
      const allowed = [...new Set(policy.statements.filter((s) => s.effect === 'Allow').flatMap((s) => s.action?.values ?? []).map((v) => `\`${v.text}\``))];
      if (allowed.length && allowed.length <= 5) notes.push(`the policy allows ${listOf(allowed)}`);
      const statements = property(policy.root, 'Statement') ?? policy.root;
      ctx.report({ messageId: 'missing', location: ctx.at.json(doc, statements), notes });
      return;
    }
    // The principals the Allow statements trust; a Deny blocks federation only when it covers every one.
    const principals = saml.flatMap((s) => (s.principal?.any ? ['*'] : federatedValues(s).map((v) => v.text)));
    const denials = principals.map((p) => unconditionalDenial(policy, ASSUME_ROLE_WITH_SAML, p));
    const first = denials[0];
    if (first && denials.every((d) => d !== undefined)) {
      ctx.report({ messageId: 'denied', data: { statement: statementLabel(first) }, location: ctx.at.json(doc, first.node) });
    }
  },
});
