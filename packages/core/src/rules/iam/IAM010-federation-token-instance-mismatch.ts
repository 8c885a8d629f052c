import { statementLabel } from '../../iam/policy.js';
import { federationDenial, federationGrants, instanceConditions, type ConnectTarget, type FederationGrant } from '../../iam/federation-token.js';
import type { Label } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import { defineRule } from '../define-rule.js';
import { listOf, loginRoles, permissionPolicy, type LoginRole } from './_shared.js';

const FIELDS = ['instanceId', 'region', 'account', 'partition'] as const;
const FIELD_NAMES: Record<(typeof FIELDS)[number], string> = { instanceId: 'instance', region: 'region', account: 'account', partition: 'partition' };

export const IAM010 = defineRule({
  meta: {
    code: 'IAM010',
    name: 'federation-token-instance-mismatch',
    family: 'IAM',
    stage: 'response',
    severity: 'error',
    summary: 'The permission policy grants `connect:GetFederationToken` for another instance, region or account than the login’s',
    facts: ['CX-PERM-001'],
    symptoms: ['connect-access-denied'],
    needs: ['permissionPolicy'],
    messages: {
      mismatch: {
        message: '`connect:GetFederationToken` is granted on {{granted}}, not on {{needed}}',
        help: 'grant it for the instance the agents sign in to: `"Resource": "arn:{{partition}}:connect:{{region}}:{{account}}:instance/{{instance}}/user/${aws:userid}"`, or `"Resource": "*"` with `"Condition": {"StringEquals": {"connect:InstanceId": "{{instance}}"}}`; or correct the relay state if it names the wrong instance',
      },
      denied: {
        message: '{{statement}} denies `connect:GetFederationToken` on {{needed}} without a condition',
        help: 'an explicit Deny overrides every Allow: remove this statement from the role’s policies, or limit it with a Condition',
      },
    },
  },
  check(ctx) {
    const permission = permissionPolicy(ctx);
    if (!permission || !ctx.response) return;
    const { doc, policy } = permission;
    const grant = federationGrants(policy, {})[0];
    // No grant for any instance is IAM009's finding.
    if (!grant) return;
    const role = loginRoles(ctx)[0];
    const target = targetOf(ctx, role);
    if (!Object.keys(target).length) return;
    const needed = describeTarget(target);
    if (federationGrants(policy, target).length) {
      const denial = federationDenial(policy, target);
      if (denial) ctx.report({ messageId: 'denied', data: { statement: statementLabel(denial), needed }, location: ctx.at.json(doc, denial.node) });
      return;
    }
    const differing = FIELDS.filter((f) => target[f] !== undefined && !federationGrants(policy, { [f]: target[f] }).length);
    const condition = differing.includes('instanceId') ? instanceConditions(grant.statement)[0] : undefined;
    const node = condition?.valuesNode ?? grant.resource?.node ?? grant.statement.node;
    ctx.report({
      messageId: 'mismatch',
      data: {
        granted: describeGrant(grant),
        needed,
        partition: target.partition ?? 'aws',
        region: target.region ?? 'REGION',
        account: target.account ?? 'ACCOUNT',
        instance: target.instanceId ?? 'INSTANCE-ID',
      },
      location: ctx.at.json(doc, node),
      labels: labels(ctx, role, differing),
      notes: differing.length ? [`the ${listOf(differing.map((f) => FIELD_NAMES[f]))} differ${differing.length > 1 ? '' : 's'}`] : [],
    });
  },
});

/** The login's instance (relay state, --instance-id, or the Global Resiliency host), region, and the role's account. */
function targetOf(ctx: RuleContext, role: LoginRole | undefined): ConnectTarget {
  const target: ConnectTarget = {};
  const instanceId = ctx.env.instanceId ?? ctx.env.recipientEndpoint?.instanceId;
  if (instanceId) target.instanceId = instanceId;
  if (ctx.env.region) target.region = ctx.env.region;
  if (role) {
    target.account = role.role.account;
    target.partition = role.role.partition;
  }
  return target;
}

function describeTarget(target: ConnectTarget): string {
  const parts = [
    target.instanceId ? `instance \`${target.instanceId}\`` : 'the instance',
    ...(target.region ? [`in \`${target.region}\``] : []),
    ...(target.account ? [`of account \`${target.account}\``] : []),
  ];
  return parts.join(' ');
}

function describeGrant(grant: FederationGrant): string {
  const ids = instanceConditions(grant.statement).flatMap((c) => c.values.map((v) => `\`${v.text}\``));
  const resource = grant.resource && grant.resource.text !== '*' ? [`\`${grant.resource.text}\``] : [];
  const conditions = ids.length ? [`\`connect:InstanceId\` ${listOf(ids)}`] : [];
  return listOf([...resource, ...conditions]) || '`*`';
}

function labels(ctx: RuleContext, role: LoginRole | undefined, differing: readonly string[]): Label[] {
  const found: Label[] = [];
  const relayInstance = ctx.env.relayState?.parts?.instanceId;
  if (differing.includes('instanceId') && relayInstance && ctx.env.instanceId === ctx.env.relayState?.instanceId) {
    found.push({ location: ctx.at.relayState(relayInstance.start, relayInstance.end), message: 'the instance of the relay state' });
  }
  if (role && (differing.includes('account') || differing.includes('partition'))) {
    found.push({ location: role.roleLocation, message: 'the role’s account' });
  }
  return found;
}
