// iam vectors: see index.mjs for the case shape. The policies are committed files under policies/,
// written for the same account, SAML provider, role and instance as every response vector.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AWS, INSTANCE_ID, RELAY_STATE, withAttributes } from '../lib/response.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const policy = (name) => readFileSync(join(HERE, '../policies', name), 'utf8');

const TRUST = 'policies/trust-regional.json';
const PERMISSION = 'policies/permission-user-resource.json';
/** Relay state and both policies: the context of an Amazon Connect login. */
const withPolicies = (trustPolicy = TRUST, permissionPolicy = PERMISSION) => ({ relayState: RELAY_STATE, trustPolicy, permissionPolicy });
const resilientAcs = `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml?&instanceId=${INSTANCE_ID}&accountId=123456789012&role=ConnectAgent&idp=ExampleIdP`;
const resilient = { recipient: resilientAcs, destination: resilientAcs };

export const IAM_CASES = [
  {
    name: 'clean-with-policies',
    family: 'iam',
    description: 'A clean regional login with its trust policy (global and regional `SAML:aud`) and permission policy (form 1): no finding',
    options: withPolicies(),
    expect: [],
  },
  {
    name: 'clean-permission-instance-list',
    family: 'iam',
    description: 'The permission policy grants GetFederationToken on `*` for a list of instances, key spelled `connect:InstanceID`',
    options: withPolicies(TRUST, 'policies/permission-instance-list.json'),
    expect: [],
  },
  {
    name: 'trust-policy-trailing-comma',
    family: 'iam',
    description: 'A hand-edited trust policy with a trailing comma, given with --trust-policy',
    options: withPolicies('policies/trust-trailing-comma.json'),
    expect: ['IAM001'],
  },
  {
    name: 'trust-web-identity-only',
    family: 'iam',
    description: 'The trust policy of a Cognito role: it allows sts:AssumeRoleWithWebIdentity, not SAML',
    options: withPolicies('policies/trust-web-identity.json'),
    expect: ['IAM002'],
  },
  {
    name: 'trust-oidc-principal',
    family: 'iam',
    description: 'The trust policy allows sts:AssumeRoleWithSAML to an OIDC provider ARN',
    options: withPolicies('policies/trust-oidc-principal.json'),
    expect: ['IAM003'],
  },
  {
    name: 'trust-other-provider',
    family: 'iam',
    description: 'The trust policy trusts the SAML provider `OktaProd`; the Role attribute names `ExampleIdP`',
    options: withPolicies('policies/trust-other-provider.json'),
    expect: ['IAM004'],
  },
  {
    name: 'trust-no-aud-condition',
    family: 'iam',
    description: 'The trust policy allows SAML federation without a `SAML:aud` condition',
    options: withPolicies('policies/trust-no-aud.json'),
    expect: ['IAM005'],
  },
  {
    name: 'trust-aud-is-audience',
    family: 'iam',
    description: '`SAML:aud` set to the Audience `urn:amazon:webservices` instead of the sign-in endpoint',
    options: withPolicies('policies/trust-audience.json'),
    expect: ['IAM006', 'IAM007'],
  },
  {
    name: 'trust-global-aud-regional-recipient',
    family: 'iam',
    description: 'Regional sign-in (Recipient in eu-west-2) with a trust policy that lists only the global endpoint',
    options: withPolicies('policies/trust-global.json'),
    expect: ['IAM007'],
  },
  {
    name: 'principal-tags-without-tag-session',
    family: 'iam',
    description: 'The response sends PrincipalTag:CostCenter; the trust policy does not allow sts:TagSession',
    response: { attributes: withAttributes({ [AWS.principalTag('CostCenter')]: ['4711'] }) },
    options: withPolicies(),
    expect: ['IAM008'],
  },
  {
    name: 'source-identity-without-set-source-identity',
    family: 'iam',
    description: 'The response sends SourceIdentity; the trust policy does not allow sts:SetSourceIdentity',
    response: { attributes: withAttributes({ [AWS.sourceIdentity]: ['jane.doe@example.com'] }) },
    options: withPolicies(),
    expect: ['IAM008'],
  },
  {
    name: 'session-tags-allowed',
    family: 'iam',
    description: 'PrincipalTag and SourceIdentity with a trust policy allowing sts:TagSession and sts:SetSourceIdentity: no finding',
    response: {
      attributes: withAttributes({ [AWS.principalTag('CostCenter')]: ['4711'], [AWS.sourceIdentity]: ['jane.doe@example.com'] }),
    },
    options: withPolicies('policies/trust-session-tags.json'),
    expect: [],
  },
  {
    name: 'global-resiliency-string-like',
    family: 'iam',
    description: 'Global Resiliency sign-in with `StringLike` `SAML:aud` ending in `*` and a permission policy by instance id: no finding',
    response: resilient,
    options: { trustPolicy: 'policies/trust-global-resiliency.json', permissionPolicy: 'policies/permission-instance-condition.json' },
    expect: [],
  },
  {
    name: 'global-resiliency-string-equals',
    family: 'iam',
    description: 'Global Resiliency sign-in whose trust policy compares `SAML:aud` exactly, without the ACS query',
    response: resilient,
    options: { trustPolicy: 'policies/trust-global-resiliency-exact.json', permissionPolicy: 'policies/permission-instance-condition.json' },
    expect: ['IAM007'],
  },
  {
    name: 'permission-read-only',
    family: 'iam',
    description: 'The federation role only has Connect read access: no connect:GetFederationToken',
    options: withPolicies(TRUST, 'policies/permission-read-only.json'),
    expect: ['IAM009'],
  },
  {
    name: 'permission-old-version',
    family: 'iam',
    description: 'Form 1 under `"Version": "2008-10-17"`, which reads `${aws:userid}` literally',
    options: withPolicies(TRUST, 'policies/permission-old-version.json'),
    expect: ['IAM009'],
  },
  {
    name: 'permission-other-instance',
    family: 'iam',
    description: 'GetFederationToken is granted for another instance id than the relay state’s',
    options: withPolicies(TRUST, 'policies/permission-other-instance.json'),
    expect: ['IAM010'],
  },
  {
    name: 'permission-other-region',
    family: 'iam',
    description: 'GetFederationToken is granted on the instance’s user resource in us-east-1; the instance is in eu-west-2',
    options: withPolicies(TRUST, 'policies/permission-other-region.json'),
    expect: ['IAM010'],
  },
  // The policy itself as the input, as `samlint check trust-policy.json` reads it.
  {
    name: 'input-trust-regional',
    family: 'iam',
    description: 'The regional trust policy as the input: no finding',
    xml: () => policy('trust-regional.json'),
    capture: 'json',
    expect: [],
  },
  {
    name: 'input-trust-audience',
    family: 'iam',
    description: 'A trust policy whose `SAML:aud` is the Audience, as the input',
    xml: () => policy('trust-audience.json'),
    capture: 'json',
    expect: ['IAM006'],
  },
  {
    name: 'input-trust-global-resiliency',
    family: 'iam',
    description: 'The Global Resiliency trust policy (`StringLike`, trailing `*`) as the input: no finding',
    xml: () => policy('trust-global-resiliency.json'),
    capture: 'json',
    expect: [],
  },
  {
    name: 'input-permission-read-only',
    family: 'iam',
    description: 'A permission policy without connect:GetFederationToken as the input',
    xml: () => policy('permission-read-only.json'),
    capture: 'json',
    expect: ['IAM009'],
  },
  {
    name: 'input-trust-effect-lowercase',
    family: 'iam',
    description: 'A trust policy with `"Effect": "allow"` as the input',
    xml: () => policy('trust-regional.json').replace('"Allow"', '"allow"'),
    capture: 'json',
    expect: ['IAM001', 'IAM002'],
  },
];
