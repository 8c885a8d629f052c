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
];
