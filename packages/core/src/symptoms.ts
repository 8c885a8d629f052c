import type { SymptomId } from './model/symptoms.js';

/** A cause of a symptom that lies outside anything samlint reads (IAM's own state, the IdP's set-up, how the user signed in). */
export interface OutsideCause {
  cause: string;
  fix: string;
  /** Where the facts say so: a section of shared/facts/aws-connect-saml.md and its source label. */
  source: string;
  /**
   * The facts rule id a samlint rule would check this under (e.g. CX-PERM-001). While no rule that
   * causes the symptom cites it, the cause is shown as one samlint cannot see; then that rule speaks for it.
   */
  coveredBy?: string;
}

export interface SymptomGuide {
  /** Where the message appears, which also tells apart messages that share words. */
  shownBy: string;
  /** Phrases only this message has: any one of them names it. */
  phrases: readonly string[];
  /** Words it shares with other messages (error codes, "access denied"): they name it only together with the others. */
  hints: readonly string[];
  causes: readonly OutsideCause[];
}

const STS_INVALID_TOKEN = 'AWS sign-in, or STS for CLI tools: error code InvalidIdentityToken, status 400';
const SAML_INVALID_RESPONSE = 'AWS sign-in: error code AuthSamlInvalidSamlResponseException, status 400';
const CONNECT = 'Amazon Connect, after the AWS sign-in';

/** How `samlint why` recognises each message in what a user pastes, and its causes no rule can check (facts §12). */
export const SYMPTOM_GUIDE: Record<SymptomId, SymptomGuide> = {
  'invalid-saml-response': {
    shownBy: 'the AWS sign-in page',
    phrases: ['invalid SAML response', 'to logout, click here'],
    hints: [],
    causes: [
      {
        cause: 'the provider ARN in the Role value is not the SAML provider in IAM',
        fix: 'copy the provider ARN from IAM → Identity providers into the IdP’s Role mapping',
        source: 'facts §12 (Okta support article)',
      },
      {
        cause: 'Okta group-based role mapping with a period in the role name',
        fix: 'rename the role without `.`, or map the role in the IdP another way',
        source: 'facts §12 (Okta support article)',
      },
    ],
  },
  'role-session-name-required': {
    shownBy: STS_INVALID_TOKEN,
    phrases: ['RoleSessionName is required', 'RoleSessionName required', 'role session name is required'],
    hints: ['RoleSessionName', 'role session name', 'InvalidIdentityToken'],
    causes: [],
  },
  'role-session-name-must-match': {
    shownBy: STS_INVALID_TOKEN,
    phrases: ['RoleSessionName in AuthnResponse must', 'RoleSessionName must match', 'role session name must match'],
    hints: ['RoleSessionName', 'role session name', 'InvalidIdentityToken'],
    causes: [],
  },
  'source-identity-must-match': {
    shownBy: STS_INVALID_TOKEN,
    phrases: ['Source Identity must match', 'SourceIdentity must match'],
    hints: ['Source Identity', 'SourceIdentity', 'InvalidIdentityToken'],
    causes: [],
  },
  'not-authorized-assume-role': {
    shownBy: 'AWS sign-in, or STS for CLI tools: error code AccessDenied, status 403',
    phrases: ['not authorized to perform'],
    hints: ['not authorized', 'access denied', 'AccessDenied'],
    causes: [
      {
        cause: 'the role in the Role value does not exist in IAM, or differs in spelling or case',
        fix: 'compare the role ARN in the IdP’s Role mapping with IAM → Roles, character for character',
        source: 'facts §12 (IAM-TS)',
      },
      {
        cause: 'the role’s trust policy lacks `sts:AssumeRoleWithSAML`, names another provider as Principal, or its `SAML:aud` condition does not cover the Recipient',
        fix: 'set Principal.Federated to the provider ARN, allow `sts:AssumeRoleWithSAML`, and list the Recipient under `SAML:aud`',
        source: 'facts §9, §12 (IAM-TS, IAM-ROLE)',
        coveredBy: 'AWS-TP-001',
      },
      {
        cause: 'the trust policy lacks `sts:TagSession` (PrincipalTag sent) or `sts:SetSourceIdentity` (SourceIdentity sent)',
        fix: 'add the action to the trust policy, or stop sending the attribute',
        source: 'facts §5, §12 (IAM-TS)',
        coveredBy: 'AWS-TP-002',
      },
      {
        cause: 'regional sign-in: STS is disabled in that region, or a service control policy denies STS actions',
        fix: 'activate STS for the region (IAM → Account settings) and look for a Deny on `sts:*` in the organisation’s SCPs',
        source: 'facts §7 (CX-SAML)',
      },
    ],
  },
  'signature-invalid': {
    shownBy: STS_INVALID_TOKEN,
    phrases: ['signature invalid', 'invalid signature', 'signature is invalid'],
    hints: ['InvalidIdentityToken'],
    causes: [
      {
        cause: 'the metadata of the IAM SAML provider is not the IdP’s current one, e.g. after a certificate rotation (samlint verifies against the metadata or certificates you give it)',
        fix: 'download the IdP’s current metadata and run `aws iam update-saml-provider` with it',
        source: 'facts §11, §12 (IAM-TS)',
      },
    ],
  },
  'issuer-not-present': {
    shownBy: SAML_INVALID_RESPONSE,
    phrases: ['issuer not present'],
    hints: ['AuthSamlInvalidSamlResponseException'],
    causes: [
      {
        cause: 'the IAM SAML provider holds older metadata whose entityID is not the Issuer the IdP sends now',
        fix: 'upload the IdP’s current metadata with `aws iam update-saml-provider`',
        source: 'facts §12, §14 (IAM-TS)',
      },
    ],
  },
  'provider-does-not-exist': {
    shownBy: 'AWS sign-in',
    phrases: ["provider doesn't exist", 'provider does not exist'],
    hints: ['specified provider'],
    causes: [
      {
        cause: 'the provider name in the Role value is not an IAM SAML provider of that account (a typo, or the provider was renamed or deleted)',
        fix: 'copy the provider ARN from IAM → Identity providers into the IdP’s Role mapping',
        source: 'facts §12 (IAM-TS)',
      },
    ],
  },
  'could-not-parse-metadata': {
    shownBy: 'IAM, when the SAML provider is created or updated',
    phrases: ['could not parse metadata', 'unable to parse metadata'],
    hints: ['parse metadata'],
    causes: [
      {
        cause: 'the metadata is not UTF-8 without a BOM, has a certificate key under 1024 bits, or a certificate with repeated X.509 extensions',
        fix: 'save the metadata as UTF-8 without a BOM, and re-issue the IdP certificate with a 2048-bit key and no repeated extensions',
        source: 'facts §11, §12 (IAM-IDP, IAM-TS)',
        coveredBy: 'AWS-MD-001',
      },
    ],
  },
  'duration-exceeds-max': {
    shownBy: 'STS, to CLI tools and API calls of AssumeRoleWithSAML',
    phrases: ['exceeds MaxSessionDuration', 'DurationSeconds exceeds'],
    hints: ['MaxSessionDuration', 'DurationSeconds'],
    causes: [
      {
        cause: 'the tool calling AssumeRoleWithSAML asks for a DurationSeconds above the role’s maximum session duration (not a SAML value)',
        fix: 'ask the tool for less (e.g. 3600 seconds), or raise the role’s Maximum session duration in IAM (at most 12 hours)',
        source: 'facts §5, §12 (IAM-TS, STS-API)',
      },
    ],
  },
  'required-audience': {
    shownBy: 'AWS sign-in',
    phrases: ['required audience'],
    hints: ['audience'],
    causes: [],
  },
  'response-expired': {
    shownBy: 'STS, to CLI tools and API calls: ExpiredTokenException',
    phrases: ['response has expired', 'ExpiredTokenException'],
    hints: ['expired'],
    causes: [
      {
        cause: 'the response was used after its validity window: a short window (60 seconds in the observed case), a slow or retrying tool, or an IdP clock behind AWS',
        fix: 'give the assertion a window of a few minutes, keep the IdP’s clock on NTP, and re-run with `--now` set to the time of the failed login',
        source: 'facts §10, §12 (saml2aws#759)',
      },
    ],
  },
  'request-arn-invalid': {
    shownBy: 'STS, to CLI tools and API calls: ValidationError',
    phrases: ['request ARN is invalid'],
    hints: ['ARN is invalid', 'ValidationError'],
    causes: [
      {
        cause: 'the client tool swapped the role and provider ARNs when calling AssumeRoleWithSAML',
        fix: 'update the tool, or put the role ARN first in the IdP’s Role value (the documented order)',
        source: 'facts §4, §12 (onelogin-aws-cli#12)',
      },
    ],
  },
  'invalid-base64': {
    shownBy: SAML_INVALID_RESPONSE,
    phrases: ['invalid base64'],
    hints: ['base64', 'AuthSamlInvalidSamlResponseException'],
    causes: [],
  },
  'connect-not-onboarded': {
    shownBy: CONNECT,
    phrases: ['not been onboarded', 'authenticated, but has not'],
    hints: ['access denied', 'AccessDenied', 'not onboarded'],
    causes: [
      {
        cause: 'the user has two separate profiles assigned with SSO',
        fix: 'leave the user one assignment (one federation role) in the IdP',
        source: 'facts §2, §12 (CX-TS)',
      },
    ],
  },
  'connect-access-denied': {
    shownBy: CONNECT,
    phrases: ['contact your AWS account administrator'],
    hints: ['access denied', 'AccessDenied'],
    causes: [
      {
        cause: 'the role lacks `connect:GetFederationToken` for the instance',
        fix: 'grant `connect:GetFederationToken` on `instance/ID/user/${aws:userid}`, or on `*` with a `connect:InstanceId` condition',
        source: 'facts §9, §12 (CX-TS, CX-SAML)',
        coveredBy: 'CX-PERM-001',
      },
    ],
  },
  'session-expired': {
    shownBy: 'Amazon Connect',
    phrases: ['session expired', 'session has expired'],
    hints: ['expired'],
    causes: [
      {
        cause: 'the agent opened the Amazon Connect URL directly: Connect does not support reverse federation (a login that starts at Connect)',
        fix: 'start every login at the IdP (its app tile or IdP-initiated URL) and bookmark that, not the Connect URL',
        source: 'facts §12 (CX-SAML)',
      },
      {
        cause: 'the 12-hour Amazon Connect session ended, even if the agent was on a call',
        fix: 'sign in again through the IdP; plan shifts around the 12-hour limit',
        source: 'facts §10, §12 (CX-SAML)',
      },
      {
        cause: 'the federation token needs a refresh through the IdP',
        fix: 'sign in again through the IdP',
        source: 'facts §12 (CX-SAML)',
      },
    ],
  },
  'gr-user-not-onboarded': {
    shownBy: 'Amazon Connect Global Resiliency sign-in',
    phrases: ['UserNotOnboardedException', 'UserNotOnboarded', 'user not onboarded'],
    hints: ['not onboarded'],
    causes: [
      {
        cause: 'the agent does not exist, with the RoleSessionName as user name, in both the source and the replica instance',
        fix: 'create the user with the same user name in both instances (check each instance’s list with `--users`)',
        source: 'facts §7, §12 (CX-GR)',
      },
    ],
  },
  'gr-resource-not-found': {
    shownBy: 'Amazon Connect Global Resiliency sign-in',
    phrases: ['ResourceNotFoundException', 'ResourceNotFound', 'resource not found'],
    hints: [],
    causes: [
      {
        cause: 'the agent is not in a traffic distribution group',
        fix: 'add the agent to a traffic distribution group of the instance',
        source: 'facts §7, §12 (CX-GR)',
      },
    ],
  },
};
