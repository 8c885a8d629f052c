import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { coversAction, coversProvider } from '../../iam/evaluate.js';
import { statementLabel, type PolicyStatement } from '../../iam/policy.js';
import { ASSUME_ROLE_WITH_SAML, SET_SOURCE_IDENTITY, TAG_SESSION, samlStatements, unconditionalDenial } from '../../iam/trust.js';
import { attributesNamed } from '../../saml/response.js';
import { principalTags } from '../../aws/attributes.js';
import { defineRule } from '../define-rule.js';
import { loginRoles, loginStatements, trustPolicy } from './_shared.js';

const HELP = 'allow the action in the statement that trusts the SAML provider: `"Action": {{actions}}`';

export const IAM008 = defineRule({
  meta: {
    code: 'IAM008',
    name: 'trust-session-action-missing',
    family: 'IAM',
    stage: 'response',
    severity: 'error',
    summary: 'The response sends PrincipalTag or SourceIdentity but the trust policy does not allow `sts:TagSession` or `sts:SetSourceIdentity`',
    facts: ['AWS-TP-002'],
    symptoms: ['not-authorized-assume-role'],
    needs: ['trustPolicy'],
    messages: {
      tagSession: {
        message: 'the response sends {{tags}} but the trust policy does not allow `sts:TagSession`',
        help: `${HELP}; or stop sending PrincipalTag attributes from the IdP`,
      },
      sourceIdentity: {
        message: 'the response sends SourceIdentity but the trust policy does not allow `sts:SetSourceIdentity`',
        help: `${HELP}; or stop sending the SourceIdentity attribute from the IdP`,
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    if (!trust || !ctx.response?.assertion) return;
    const { doc, policy } = trust;
    const roles = loginRoles(ctx);
    const statement = loginStatements(policy, roles)[0];
    // No statement allows SAML federation at all: IAM002's finding.
    if (!statement) return;
    const tags = principalTags(ctx.response);
    const sourceIdentity = attributesNamed(ctx.response, AWS_ATTRIBUTE.sourceIdentity)[0];
    const needed = [
      ...(tags[0] ? [{ action: TAG_SESSION, messageId: 'tagSession' as const, sent: tags[0].attribute.element, count: tags.length }] : []),
      ...(sourceIdentity ? [{ action: SET_SOURCE_IDENTITY, messageId: 'sourceIdentity' as const, sent: sourceIdentity.element, count: 1 }] : []),
    ];
    // The session actions must be allowed to the same provider as the login; when the policy trusts none of
    // the Role attribute's providers (IAM004), any statement stands in for it.
    const trusting = (s: PolicyStatement) => roles.some((r) => coversProvider(s, r.providerArn));
    const providerTrusted = samlStatements(policy).some(trusting);
    const missing = needed.flatMap((need) => {
      const allowed = policy.statements.some((s) => s.effect === 'Allow' && coversAction(s, need.action) && (!providerTrusted || trusting(s)));
      const denial = roles.map((r) => unconditionalDenial(policy, need.action, r.providerArn)).find((d) => d !== undefined);
      return allowed && !denial ? [] : [{ ...need, denial }];
    });
    if (!missing.length) return;
    const written = statement.action && !statement.action.negated ? statement.action.values.map((v) => v.text) : [ASSUME_ROLE_WITH_SAML];
    const actions = [...written, ...missing.map((m) => m.action).filter((a) => !written.some((w) => w.toLowerCase() === a.toLowerCase()))];
    const location = ctx.at.json(doc, statement.action?.node ?? statement.node);
    for (const { messageId, sent, count, denial } of missing) {
      ctx.report({
        messageId,
        data: { tags: count === 1 ? 'a PrincipalTag attribute' : `${count} PrincipalTag attributes`, actions: `[${actions.map((a) => `"${a}"`).join(', ')}]` },
        location,
        labels: [{ location: ctx.at.element(sent), message: 'sent here' }],
        notes: denial ? [`${statementLabel(denial)} denies it without a condition, which overrides any Allow`] : [],
      });
    }
  },
});
