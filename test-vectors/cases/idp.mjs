// IdP configuration vectors (decision 0008): configuration files as users export them, unsigned, so
// each case's `xml` is the committed file itself and the generator writes it back unchanged to the
// same path. idp-config/README.md says where each shape comes from.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AWS, INSTANCE_ID, withAttributes } from '../lib/response.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const config = (file) => () => readFileSync(join(HERE, '../idp-config', file), 'utf8');

/** What Entra ID sends with the settings of idp-config/entra/graph-defects.json, for a user Jane Doe. */
const ENTRA_TENANT = 'https://sts.windows.net/8c5f2b1e-4d7a-4f3b-9e62-1a0d9c7b3e58/';
const GRAPH_DEFECTS_ACS = 'https://eu-west-2.console.aws.amazon.com/connect/home';
/** The issuer Okta writes for an app (its `http://www.okta.com/{app key}` entity id). */
const OKTA_ISSUER = 'http://www.okta.com/exk1b2c3d4e5f6g7h8i9';

export const IDP_CASES = [
  {
    name: 'connect-clean',
    family: 'idp-config/okta',
    description: 'Okta Apps API: a clean Amazon Connect SAML app; its RoleSessionName is an expression, reported as not checked',
    xml: config('okta/connect-clean.json'),
    capture: 'json',
    expect: ['IDP001'],
  },
  {
    name: 'connect-defects',
    family: 'idp-config/okta',
    description: 'Okta Apps API: Connect console as ACS, Role without provider ARN, 14 h SessionDuration, unencoded destination, assertion unsigned, SHA-1',
    xml: config('okta/connect-defects.json'),
    capture: 'json',
    expect: ['AWS002', 'AWS009', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP005'],
  },
  {
    name: 'aws-account-federation',
    family: 'idp-config/okta',
    description: 'Okta Apps API: the AWS Account Federation (amazon_aws) app with group mapping; what it does not carry is listed as not checked',
    xml: config('okta/aws-account-federation.json'),
    capture: 'json',
    expect: ['IDP001'],
  },
  {
    name: 'plan-defects',
    family: 'idp-config/terraform',
    description: 'terraform show -json plan with okta_app_saml: Role known only after apply, RoleSessionName from the display name, us-east-1 ACS with an eu-west-2 relay state, the Connect URL as Audience, 14 h SessionDuration',
    xml: config('terraform/plan-defects.json'),
    capture: 'json',
    expect: ['AWS009', 'AWS014', 'AWS015', 'CX006', 'CX013', 'IDP001', 'IDP004'],
  },
  {
    name: 'state-clean',
    family: 'idp-config/terraform',
    description: 'terraform show -json state with a clean okta_app_saml in a child module; its RoleSessionName expression is reported as not checked',
    xml: config('terraform/state-clean.json'),
    capture: 'json',
    expect: ['IDP001'],
  },
  {
    name: 'realm-clean',
    family: 'idp-config/keycloak',
    description: 'Keycloak realm export with a clean urn:amazon:webservices SAML client (role-list mapper over client roles named by ARN pair); the username mapper is reported as not checked',
    xml: config('keycloak/realm-clean.json'),
    capture: 'json',
    expect: ['IDP001'],
  },
  {
    name: 'realm-defects',
    family: 'idp-config/keycloak',
    description: 'Keycloak realm export: Connect console as ACS, a client role without provider ARN, SessionDuration `8h`, assertion unsigned, RSA_SHA1',
    xml: config('keycloak/realm-defects.json'),
    capture: 'json',
    expect: ['AWS002', 'AWS009', 'AWS014', 'IDP001', 'IDP002', 'IDP003'],
  },
  {
    name: 'okta-connect-clean',
    family: 'idp-config/terraform',
    description: 'Terraform source: a clean okta_app_saml for Amazon Connect; its RoleSessionName expression is reported as not checked',
    xml: config('terraform/okta-connect-clean.tf'),
    capture: 'tf',
    expect: ['IDP001'],
  },
  {
    name: 'okta-connect-defects',
    family: 'idp-config/terraform',
    description: 'Terraform source: okta_app_saml with the Connect console as ACS, Role without provider ARN, 14 h SessionDuration, unencoded destination, display-name RoleSessionName, Connect URL as Audience, assertion unsigned, SHA-1',
    xml: config('terraform/okta-connect-defects.tf'),
    capture: 'tf',
    expect: ['AWS002', 'AWS009', 'AWS015', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP004', 'IDP005'],
  },
  {
    name: 'okta-unresolved',
    family: 'idp-config/terraform',
    description: 'Terraform source: okta_app_saml whose values come from variables, locals, function calls and another resource’s ARN, each reported as not checked with its expression',
    xml: config('terraform/okta-unresolved.tf'),
    capture: 'tf',
    expect: ['IDP001'],
  },
  {
    name: 'azuread-defects',
    family: 'idp-config/terraform',
    description: 'Terraform source: azuread_application and azuread_service_principal read through the azuread mapping the plan uses: the Connect console as redirect URI, the Connect access URL as identifier, an app role without provider ARN, a relay state with an unencoded destination; the claims, in a policy the file does not hold, and the portal-only signing settings are reported as not checked',
    xml: config('terraform/azuread-defects.tf'),
    capture: 'tf',
    expect: ['AWS002', 'AWS014', 'AWS015', 'CX007', 'CX011', 'IDP001'],
  },
  {
    name: 'keycloak-clean',
    family: 'idp-config/terraform',
    description: 'Terraform source: a clean keycloak_saml_client with its protocol-mapper resources and a client role named by ARN pair; the username mapper is reported as not checked',
    xml: config('terraform/keycloak-clean.tf'),
    capture: 'tf',
    expect: ['IDP001'],
  },
  {
    name: 'keycloak-defects',
    family: 'idp-config/terraform',
    description: 'Terraform source: keycloak_saml_client with the Connect console as ACS, a client role without provider ARN, SessionDuration 50400, unencoded destination, display-name RoleSessionName, assertion unsigned, RSA_SHA1',
    xml: config('terraform/keycloak-defects.tf'),
    capture: 'tf',
    expect: ['AWS002', 'AWS009', 'AWS014', 'CX007', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP004'],
  },
  {
    name: 'keycloak-plan',
    family: 'idp-config/terraform',
    description: 'terraform show -json plan with keycloak_saml_client, its mapper and role resources linked by the configuration’s client_id references (unknown until apply): RSA_SHA1, SessionDuration 50400',
    xml: config('terraform/keycloak-plan.json'),
    capture: 'json',
    expect: ['AWS009', 'CX013', 'IDP001', 'IDP003'],
  },
  {
    name: 'trust-clean',
    family: 'idp-config/adfs',
    description: 'AD FS Get-AdfsRelyingPartyTrust | ConvertTo-Json -Depth 5 (Windows PowerShell 5.1 shape): a clean Amazon Connect trust with AWS\'s claim rules; the RoleSessionName source and the relay state are reported as not checked',
    xml: config('adfs/trust-clean.json'),
    capture: 'json',
    expect: ['IDP001'],
  },
  {
    name: 'trust-defects',
    family: 'idp-config/adfs',
    description: 'AD FS trust as ConvertTo-Json: Connect console as ACS, Role rule without the provider ARN, SessionDuration 50400, SHA-1 SignatureAlgorithm',
    xml: config('adfs/trust-defects.json'),
    capture: 'json',
    expect: ['AWS002', 'AWS009', 'AWS014', 'CX013', 'IDP001', 'IDP003'],
  },
  {
    name: 'trust-list-clean',
    family: 'idp-config/adfs',
    description: 'AD FS Get-AdfsRelyingPartyTrust list view of the clean trust; the list view prints SamlEndpoints as a type name, so the ACS is reported as not checked',
    xml: config('adfs/trust-list-clean.txt'),
    capture: 'text',
    expect: ['IDP001'],
  },
  {
    name: 'trust-list-defects',
    family: 'idp-config/adfs',
    description: 'AD FS list view with its SamlEndpoints printed after it: the Connect access URL as Identifier, RoleSessionName from displayName, SamlResponseSignature MessageOnly',
    xml: config('adfs/trust-list-defects.txt'),
    capture: 'text',
    expect: ['AWS015', 'IDP001', 'IDP002', 'IDP004'],
  },
  {
    name: 'trust-list-upn',
    family: 'idp-config/adfs',
    description: 'AD FS list view whose RoleSessionName rule passes the UPN through as it is cased, linted with a Connect user list of lower-case names (IDP006)',
    xml: config('adfs/trust-list-upn.txt'),
    capture: 'text',
    options: { users: 'users/connect-users-lower-case.csv' },
    expect: ['IDP001', 'IDP006'],
  },
  {
    name: 'graph-clean',
    family: 'idp-config/entra',
    description: 'Microsoft Graph: a clean Amazon Connect app as application, service principal and claims mapping policy in one array; RoleSessionName is ToLowercase(user.userprincipalname), reported as not checked with the portal-only signing settings',
    xml: config('entra/graph-clean.json'),
    capture: 'json',
    expect: ['IDP001']
  },
  {
    name: 'graph-defects',
    family: 'idp-config/entra',
    description: 'Microsoft Graph: Connect console as reply URL, the Connect access URL as identifier, an app role without provider ARN, 14 h SessionDuration, a relay state with an unencoded destination, RoleSessionName joining given name and surname with a space',
    xml: config('entra/graph-defects.json'),
    capture: 'json',
    expect: ['AWS002', 'AWS009', 'AWS014', 'AWS015', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP004']
  },
  {
    // Entra signs the assertion (its default signing option) with SHA-256, sends the reply URL as
    // Recipient and Destination, the identifier as Audience, the claims of the policy, and no
    // SessionNotOnOrAfter (as the Entra responses of real-world/ show).
    name: 'graph-defects-response',
    family: 'idp-config/entra',
    description: 'The response Entra ID sends with the graph-defects.json settings: Connect console as Recipient and Destination, the Connect access URL as Audience, Role without provider ARN, SessionDuration 50400, RoleSessionName `Jane Doe`, relay state with an unencoded destination',
    response: {
      responseIssuer: ENTRA_TENANT,
      issuer: ENTRA_TENANT,
      destination: GRAPH_DEFECTS_ACS,
      recipient: GRAPH_DEFECTS_ACS,
      audiences: ['https://example-cc.my.connect.aws'],
      nameId: 'jane.doe@example.com',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      sessionNotOnOrAfter: null,
      attributes: withAttributes({
        [AWS.roleSessionName]: ['Jane Doe'],
        [AWS.role]: ['arn:aws:iam::123456789012:role/ConnectAgent'],
        [AWS.sessionDuration]: ['50400'],
      }),
    },
    options: { relayState: `https://eu-west-2.console.aws.amazon.com/connect/federate/${INSTANCE_ID}?destination=/connect/ccp-v2` },
    // The configuration's codes, but IDP004 is AWS007 here (the space is in the value), IDP001 has no
    // counterpart, and SAML009 reads the NameID, which is no setting of the configuration.
    expect: ['AWS002', 'AWS007', 'AWS009', 'AWS014', 'AWS015', 'CX007', 'CX011', 'CX013', 'SAML009']
  },
  {
    name: 'connect-defects-response',
    family: 'idp-config/okta',
    description: 'The response Okta sends with the okta/connect-defects.json settings: the Response signed and the Assertion not, with RSA-SHA1 and SHA-1, Role without provider ARN, SessionDuration 50400, relay state with an unencoded destination',
    sign: 'response',
    response: {
      responseIssuer: OKTA_ISSUER,
      issuer: OKTA_ISSUER,
      nameId: 'jane.doe@example.com',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      // Okta's AuthnStatement has no SessionNotOnOrAfter (real-world/dex/okta-resp.xml).
      sessionNotOnOrAfter: null,
      attributes: withAttributes({
        [AWS.roleSessionName]: ['jane.doe@example.com'],
        [AWS.role]: ['arn:aws:iam::123456789012:role/ConnectFederation'],
        [AWS.sessionDuration]: ['50400'],
      }),
      signatureAlgorithms: { signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digest: 'http://www.w3.org/2000/09/xmldsig#sha1' },
    },
    options: { relayState: `https://eu-west-2.console.aws.amazon.com/connect/federate/${INSTANCE_ID}?destination=/connect/ccp-v2/softphone?x=1&y=2` },
    // The configuration's codes for what a setting holds as a value; its IDP002 and IDP003 are SIG002 and
    // SIG007 here (what was signed, and how), and SAML009 reads the NameID, which is no setting of it.
    expect: ['AWS002', 'AWS009', 'CX007', 'CX011', 'CX013', 'SAML009', 'SIG002', 'SIG007'],
  },
  {
    name: 'azuread-plan-clean',
    family: 'idp-config/entra',
    description: 'terraform show -json plan with azuread_application, azuread_service_principal and azuread_claims_mapping_policy: a clean app whose Role value is known only after apply and whose identifier has a #1 suffix',
    xml: config('entra/azuread-plan-clean.json'),
    capture: 'json',
    expect: ['IDP001']
  },
  {
    name: 'azuread-plan-defects',
    family: 'idp-config/entra',
    description: 'terraform show -json plan with azuread: us-east-1 reply URL with an eu-west-2 relay state, the Connect access URL as identifier, an app role without provider ARN, RoleSessionName from user.displayname, 14 h SessionDuration, no single sign-on mode',
    xml: config('entra/azuread-plan-defects.json'),
    capture: 'json',
    expect: ['AWS002', 'AWS009', 'AWS014', 'AWS015', 'CX006', 'CX013', 'IDP001', 'IDP004', 'IDP007']
  },
];
