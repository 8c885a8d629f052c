// Shared inputs for the IAM rule tests: trust and permission policies for the account, SAML provider,
// role and instance of the response vectors, written as IAM shows them (two-space JSON).
import { ACS, INSTANCE_ID, PROVIDER_ARN, RELAY_STATE } from '../../../test-vectors/lib/response.mjs';

export { ACS, INSTANCE_ID, PROVIDER_ARN, RELAY_STATE };
export { positionOf } from './cx-fixtures.js';

export const GLOBAL = 'https://signin.aws.amazon.com/saml';
export const OTHER_INSTANCE = '5f1d2c3b-4a59-4687-b7c8-d9e0f1a2b3c4';
export const USER_RESOURCE = `arn:aws:connect:eu-west-2:123456789012:instance/${INSTANCE_ID}/user/\${aws:userid}`;

type Statement = Record<string, unknown>;

/** A policy document of these statements; `version: null` leaves `Version` out. */
export function policy(statements: Statement[], version: string | null = '2012-10-17'): string {
  return JSON.stringify({ ...(version !== null && { Version: version }), Statement: statements }, null, 2);
}

/** The trust statement of regional Connect sign-in (CX-SAML), with some elements replaced; `undefined` drops one. */
export function samlStatement(changes: Statement = {}): Statement {
  const statement: Statement = {
    Effect: 'Allow',
    Principal: { Federated: PROVIDER_ARN },
    Action: 'sts:AssumeRoleWithSAML',
    Condition: { StringEquals: { 'SAML:aud': [GLOBAL, ACS] } },
    ...changes,
  };
  return Object.fromEntries(Object.entries(statement).filter(([, v]) => v !== undefined));
}

/** A trust policy of one SAML statement. */
export function trust(changes: Statement = {}): string {
  return policy([samlStatement(changes)]);
}

/** The GetFederationToken statement of form 1 (CX-SAML), with some elements replaced. */
export function federationStatement(changes: Statement = {}): Statement {
  return { Effect: 'Allow', Action: 'connect:GetFederationToken', Resource: [USER_RESOURCE], ...changes };
}

/** A permission policy of one GetFederationToken statement. */
export function permission(changes: Statement = {}): string {
  return policy([federationStatement(changes)]);
}
