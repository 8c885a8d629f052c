// The permission policy of the Connect federation role (facts §9, CX-SAML, CX-TS): which statements
// grant connect:GetFederationToken, and for which instance, region and account.
import { coversAction, conditionHolds, variablesOn } from './evaluate.js';
import { globMatch } from './glob.js';
import { conditionKeyIs, type Policy, type PolicyCondition, type PolicyStatement, type PolicyString } from './policy.js';

export const GET_FEDERATION_TOKEN = 'connect:GetFederationToken';
/** The condition key of forms 2 and 3 (also spelled `connect:InstanceID`: keys are not case-sensitive). */
export const INSTANCE_ID_KEY = 'connect:InstanceId';

/** What the login asks for; an unknown field matches any value. */
export interface ConnectTarget {
  partition?: string;
  region?: string;
  account?: string;
  instanceId?: string;
}

/** A user id as `${aws:userid}` becomes for a federated session (`role-id:session-name`). */
const USER_STAND_IN = 'AROAEXAMPLEROLEID:session';
const STAND_IN = { partition: 'aws', region: 'us-east-1', account: '123456789012', instanceId: 'INSTANCE-ID' };

/** Stands for a field samlint does not know when only a wildcard may match it: no ARN holds NUL characters. */
const UNKNOWN = '\u0000\u0000';

/**
 * Whether a Resource value covers the federation of `target`. CX-SAML documents
 * `instance/{id}/user/${aws:userid}` and `*`; the Service Authorization Reference lists the
 * `instance/{id}` resource (and `instance/{id}/agent/{user}` for users), so any of the three counts
 * (facts §9). An unknown field matches `some` value (an Allow that may grant) or must match `every`
 * value (a Deny that surely applies).
 */
function coversTarget(value: string, target: ConnectTarget, variables: boolean, unknown: 'some' | 'every'): boolean {
  const glob = (pattern: string, text: string) => globMatch(pattern, text, { variables });
  // For `some`, an unknown instance is the one the value names, so the rest of its path is still judged.
  const someInstance = /instance\/([^/]+)/.exec(value)?.[1] ?? STAND_IN.instanceId;
  const instanceId = target.instanceId ?? (unknown === 'some' ? someInstance : UNKNOWN);
  const resources = ['', `/user/${USER_STAND_IN}`, `/agent/${USER_STAND_IN}`].map((suffix) => `instance/${instanceId}${suffix}`);
  const fields = value.split(':');
  if (fields.length >= 6 && fields[0] === 'arn') {
    const [, partition = '', service = '', region = '', account = ''] = fields;
    const resource = fields.slice(5).join(':');
    const field = (pattern: string, known: string | undefined) =>
      known !== undefined ? glob(pattern, known) : unknown === 'some' || glob(pattern, UNKNOWN);
    return (
      glob(service, 'connect') &&
      field(partition, target.partition) &&
      field(region, target.region) &&
      field(account, target.account) &&
      resources.some((r) => glob(resource, r))
    );
  }
  // `*`, or a wildcard that spans the ARN's fields: match whole ARNs, unknown fields stood in for.
  const standIn = unknown === 'some' ? STAND_IN : { partition: UNKNOWN, region: UNKNOWN, account: UNKNOWN };
  const { partition, region, account } = { ...standIn, ...definedFields(target) };
  return resources.some((r) => glob(value, `arn:${partition}:connect:${region}:${account}:${r}`));
}

function definedFields(target: ConnectTarget): ConnectTarget {
  return Object.fromEntries(Object.entries(target).filter(([, v]) => v !== undefined));
}

/** The statement's conditions on `connect:InstanceId`. */
export function instanceConditions(statement: PolicyStatement): PolicyCondition[] {
  return statement.conditions.filter((c) => conditionKeyIs(c, INSTANCE_ID_KEY));
}

export interface FederationGrant {
  statement: PolicyStatement;
  /** The Resource value that covers the target; undefined for NotResource or a statement without Resource. */
  resource?: PolicyString;
}

/**
 * The Allow statements that grant connect:GetFederationToken for `target`: the action, a resource
 * that covers it, and `connect:InstanceId` conditions that hold (other conditions are assumed to).
 */
export function federationGrants(policy: Policy, target: ConnectTarget): FederationGrant[] {
  return allowsFederation(policy).flatMap((statement) => {
    const resource = coveringResource(policy, statement, target, 'some');
    if (resource === false) return [];
    const instanceId = target.instanceId;
    if (instanceId !== undefined && instanceConditions(statement).some((c) => conditionHolds(policy, c, instanceId) === false)) {
      return [];
    }
    return [typeof resource === 'object' ? { statement, resource } : { statement }];
  });
}

/** Allow statements whose Action covers connect:GetFederationToken, whatever their Resource. */
export function allowsFederation(policy: Policy): PolicyStatement[] {
  return policy.statements.filter((s) => s.effect === 'Allow' && coversAction(s, GET_FEDERATION_TOKEN));
}

/** The Resource value that covers the target, true when the statement covers it otherwise (NotResource, none), false when not. */
function coveringResource(
  policy: Policy,
  statement: PolicyStatement,
  target: ConnectTarget,
  unknown: 'some' | 'every',
): PolicyString | boolean {
  const element = statement.resource;
  if (!element) return true;
  const variables = variablesOn(policy);
  const covering = element.values.find((value) => coversTarget(value.text, target, variables, unknown));
  if (element.negated) return covering === undefined;
  return covering ?? false;
}

/** An unconditional Deny of connect:GetFederationToken on the target (a conditional one is assumed not to apply). */
export function federationDenial(policy: Policy, target: ConnectTarget): PolicyStatement | undefined {
  return policy.statements.find(
    (s) => s.effect === 'Deny' && s.conditions.length === 0 && coversAction(s, GET_FEDERATION_TOKEN) && coveringResource(policy, s, target, 'every') !== false,
  );
}
