// The role trust policy of SAML federation (facts §9, IAM-ROLE): which statements let a SAML provider
// call sts:AssumeRoleWithSAML, and what their `SAML:aud` condition accepts.
import { parseSignInEndpoint } from '../aws/endpoints.js';
import { coversAction, coversProvider } from './evaluate.js';
import { hasWildcard } from './glob.js';
import { conditionKeyIs, type Policy, type PolicyCondition, type PolicyStatement, type PolicyString } from './policy.js';

export const ASSUME_ROLE_WITH_SAML = 'sts:AssumeRoleWithSAML';
export const TAG_SESSION = 'sts:TagSession';
export const SET_SOURCE_IDENTITY = 'sts:SetSourceIdentity';
/** The Recipient, as the trust policy sees it (IAM-CK). */
export const SAML_AUD = 'saml:aud';

/** Allow statements whose Action covers sts:AssumeRoleWithSAML, in document order. */
export function samlStatements(policy: Policy): PolicyStatement[] {
  return policy.statements.filter((s) => s.effect === 'Allow' && coversAction(s, ASSUME_ROLE_WITH_SAML));
}

/** The values of `Principal.Federated`. */
export function federatedValues(statement: PolicyStatement): PolicyString[] {
  const principal = statement.principal;
  if (!principal || principal.negated) return [];
  return principal.entries.filter((e) => e.type === 'Federated').flatMap((e) => e.values);
}

/** The statement's conditions on `SAML:aud`, whatever the case of the key. */
export function audConditions(statement: PolicyStatement): PolicyCondition[] {
  return statement.conditions.filter((c) => conditionKeyIs(c, SAML_AUD));
}

/**
 * A Deny that certainly applies to `action` for `providerArn`: one without a Condition. samlint cannot
 * tell whether a conditional Deny matches a login, so it assumes it does not.
 */
export function unconditionalDenial(policy: Policy, action: string, providerArn: string): PolicyStatement | undefined {
  return policy.statements.find(
    (s) => s.effect === 'Deny' && s.conditions.length === 0 && coversAction(s, action) && coversProvider(s, providerArn),
  );
}

/** The Audience AWS's SP metadata names (facts §6), which IdP screens put next to the ACS. */
const AWS_AUDIENCE = /^urn:amazon:webservices/i;

export type AudValueKind = 'endpoint' | 'audience' | 'wildcard-exact' | 'other';

/** Stand-ins for the wildcards of a `StringLike` value, to see whether it can match some sign-in endpoint. */
const STAND_INS = ['', 'eu-west-2', 'a'];

/**
 * What a `SAML:aud` value can match. A Recipient is always an AWS sign-in endpoint (AWS014 checks
 * that), so any other value is dead: the Audience `urn:amazon:webservices`, a wildcard under an exact
 * operator, or another URL. A `StringLike` value counts as an endpoint when replacing its wildcards by
 * a stand-in gives one, as `https://{id}.{region}.sign-in.connect.aws/saml*` (CX-GR) does.
 */
export function classifyAudValue(value: string, like: boolean): AudValueKind {
  if (AWS_AUDIENCE.test(value)) return 'audience';
  if (!like) {
    if (parseSignInEndpoint(value)) return 'endpoint';
    return hasWildcard(value) ? 'wildcard-exact' : 'other';
  }
  return STAND_INS.some((standIn) => parseSignInEndpoint(value.replace(/[*?]/g, standIn))) ? 'endpoint' : 'other';
}
