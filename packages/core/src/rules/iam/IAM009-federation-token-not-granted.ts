import { property } from '../../json/tree.js';
import { POLICY_VERSION, policyKind, statementLabel } from '../../iam/policy.js';
import { variablesOn } from '../../iam/evaluate.js';
import { allowsFederation, federationDenial, federationGrants } from '../../iam/federation-token.js';
import { defineRule } from '../define-rule.js';
import { listOf, permissionPolicy } from './_shared.js';

const FORMS =
  '`{"Effect": "Allow", "Action": "connect:GetFederationToken", "Resource": "arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE-ID/user/${aws:userid}"}`, or `"Resource": "*"` with `"Condition": {"StringEquals": {"connect:InstanceId": "INSTANCE-ID"}}`';

export const IAM009 = defineRule({
  meta: {
    code: 'IAM009',
    name: 'federation-token-not-granted',
    family: 'IAM',
    stage: 'policy',
    severity: 'error',
    summary: 'The permission policy does not grant `connect:GetFederationToken` on an Amazon Connect instance',
    facts: ['CX-PERM-001'],
    symptoms: ['connect-access-denied'],
    needs: ['permissionPolicy'],
    messages: {
      missing: {
        message: 'no statement of the permission policy allows `connect:GetFederationToken`',
        help: `attach a policy to the federation role that allows it for the instance: ${FORMS}`,
      },
      resource: {
        message: '`connect:GetFederationToken` is allowed only on {{resources}}, which is no Amazon Connect instance',
        help: `grant it on the instance the relay state names: ${FORMS}`,
      },
      version: {
        message: 'the policy’s `Version` is not `2012-10-17`, so `${aws:userid}` in the Resource is read literally',
        help: 'add `"Version": "2012-10-17"` at the top of the permission policy: older policy versions have no policy variables',
      },
      denied: {
        message: '{{statement}} denies `connect:GetFederationToken` without a condition',
        help: 'an explicit Deny overrides every Allow: remove this statement from the role’s policies, or limit it with a Condition',
      },
    },
  },
  check(ctx) {
    const permission = permissionPolicy(ctx);
    if (!permission) return;
    const { doc, policy } = permission;
    const allowing = allowsFederation(policy);
    const firstAllowing = allowing[0];
    if (!firstAllowing) {
      const notes =
        doc.artifact === 'permission-policy' && policyKind(policy.root) === 'trust'
          ? ['this looks like a trust policy: its statements name a `Principal`; pass the role’s permission policy with --permission-policy']
          : [];
      ctx.report({ messageId: 'missing', location: ctx.at.json(doc, property(policy.root, 'Statement') ?? policy.root), notes });
      return;
    }
    if (!federationGrants(policy, {}).length) {
      // The documented form 1 relies on a policy variable, which only the 2012-10-17 language has.
      if (!variablesOn(policy) && federationGrants({ ...policy, version: POLICY_VERSION }, {}).length) {
        ctx.report({ messageId: 'version', location: ctx.at.json(doc, property(policy.root, 'Version') ?? policy.root) });
        return;
      }
      const resources = [...new Set(allowing.flatMap((s) => s.resource?.values ?? []).map((v) => `\`${v.text}\``))];
      const location = ctx.at.json(doc, firstAllowing.resource?.node ?? firstAllowing.node);
      ctx.report({ messageId: 'resource', data: { resources: listOf(resources.slice(0, 5)) || 'no resource' }, location });
      return;
    }
    const denial = federationDenial(policy, {});
    if (denial) ctx.report({ messageId: 'denied', data: { statement: statementLabel(denial) }, location: ctx.at.json(doc, denial.node) });
  },
});
