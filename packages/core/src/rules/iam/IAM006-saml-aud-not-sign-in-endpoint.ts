import { stringOperator } from '../../iam/evaluate.js';
import { audConditions, classifyAudValue, samlStatements } from '../../iam/trust.js';
import { defineRule } from '../define-rule.js';
import { trustPolicy } from './_shared.js';

const ENDPOINTS =
  '`https://signin.aws.amazon.com/saml`, `https://{region}.signin.aws.amazon.com/saml`, the provider-specific `…/saml/acs/{IdP-ID}`, or with `StringLike` the Global Resiliency `https://{instance-id}.{region}.sign-in.connect.aws/saml*`';

export const IAM006 = defineRule({
  meta: {
    code: 'IAM006',
    name: 'saml-aud-not-sign-in-endpoint',
    family: 'IAM',
    stage: 'policy',
    severity: 'error',
    summary: 'A `SAML:aud` value of the trust policy is not a sign-in endpoint, so no Recipient can match it',
    facts: ['AWS-TP-001', 'CX-GR-001'],
    symptoms: ['not-authorized-assume-role'],
    needs: ['trustPolicy'],
    messages: {
      audience: {
        message: '`{{key}}` is `{{value}}`, the Audience, but AWS fills `SAML:aud` from the Recipient',
        help: `IAM’s \`SAML:aud\` comes from the SubjectConfirmationData Recipient, not from the Audience: put the sign-in endpoint the IdP posts to in the condition, e.g. \`"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}\``,
      },
      wildcardExact: {
        message: '`{{key}}` value `{{value}}` has a wildcard, but `{{operator}}` compares exactly',
        help: 'use `StringLike` for a value with `*` (Global Resiliency: `"StringLike": {"SAML:aud": ["https://{instance-id}.{region}.sign-in.connect.aws/saml*"]}`), or write the endpoint out in full',
      },
      notEndpoint: {
        message: '`{{key}}` value `{{value}}` is not an AWS sign-in endpoint',
        help: `\`SAML:aud\` is the Recipient, which is the sign-in endpoint the IdP posts to: ${ENDPOINTS}`,
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    if (!trust) return;
    for (const statement of samlStatements(trust.policy)) {
      for (const condition of audConditions(statement)) {
        const operator = stringOperator(condition);
        // Negated operators list what to keep out; other operators samlint does not read.
        if (!operator || operator.negated) continue;
        const kinds = condition.values.map((value) => ({ value, kind: classifyAudValue(value.text, operator.like === true) }));
        // A dead value next to a good one costs nothing at sign-in; alone, no login can pass.
        const severity = kinds.some((k) => k.kind === 'endpoint') ? 'warning' : 'error';
        for (const { value, kind } of kinds) {
          if (kind === 'endpoint') continue;
          const messageId = kind === 'audience' ? 'audience' : kind === 'wildcard-exact' ? 'wildcardExact' : 'notEndpoint';
          const data = { key: condition.key, value: value.text, operator: condition.operator.name };
          ctx.report({ messageId, data, location: ctx.at.json(trust.doc, value.node), severity });
        }
      }
    }
  },
});
