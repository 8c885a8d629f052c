// IdP configuration vectors (decision 0008): configuration files as users export them, unsigned, so
// each case's `xml` is the committed file itself and the generator writes it back unchanged to the
// same path. idp-config/README.md says where each shape comes from.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const config = (file) => () => readFileSync(join(HERE, '../idp-config', file), 'utf8');

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
];
