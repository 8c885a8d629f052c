import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';

/** Shapes each reader recognises, with every field of the wrong type or kind. */
const MALFORMED = [
  { signOnMode: 'SAML_2_0', settings: { signOn: 5 } },
  { signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: ['x'], attributeStatements: 'x', assertionSigned: 'no' } } },
  { signOnMode: 'SAML_2_0', name: 'amazon_aws', settings: { app: [], signOn: null }, credentials: 1 },
  { signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: 'https://signin.aws.amazon.com/saml', attributeStatements: [{ name: 7 }, null, { name: 'x', values: { a: 1 } }] } } },
  { format_version: '1.2', resource_changes: { type: 'okta_app_saml' } },
  { format_version: '1.2', resource_changes: [{ address: 'okta_app_saml.x', type: 'okta_app_saml', change: { actions: 'create', after: 3, after_unknown: [true] } }] },
  { format_version: '1.2', resource_changes: [{ address: 'okta_app_saml.x', type: 'okta_app_saml', change: { after: { app_settings_json: '{not json', attribute_statements: [{ name: 'n', values: [null] }] }, after_unknown: { attribute_statements: [{ values: [true] }] } } }] },
  { format_version: '1.0', values: { root_module: { child_modules: [{ child_modules: 'x' }] } } },
  { realm: 'r', clients: [{ clientId: 'c', protocol: 'saml', attributes: [], protocolMappers: [{ config: { 'attribute.name': 5 } }, 'x'] }] },
  { clientId: 'c', protocol: 'saml', protocolMappers: { config: {} } },
  { appId: 'a', web: 'x', identifierUris: { a: 1 }, appRoles: [null, 3, { value: ['x'] }, { isEnabled: 'no', value: 'arn:aws:iam::1:role/x' }] },
  { appId: 'a', servicePrincipalType: 'Application', samlSingleSignOnSettings: [], replyUrls: [7], servicePrincipalNames: 'x', claimsMappingPolicies: [{ definition: 5 }, null] },
  { value: [{ appId: 'a', web: { redirectUris: [null, ''] } }, { '@odata.type': '#microsoft.graph.servicePrincipal' }] },
  { definition: ['{"ClaimsMappingPolicy":{"ClaimsSchema":[{"SamlClaimType":"https://aws.amazon.com/SAML/Attributes/RoleSessionName","TransformationId":"t"},{"SamlClaimType":7},5],"ClaimsTransformations":{"ID":"t"}}}'] },
  { definition: ['{"ClaimsMappingPolicy":{"ClaimsSchema":[{"Value":"\\u0041\\"\\n","SamlClaimType":"https://aws.amazon.com/SAML/Attributes/SessionDuration"}],"ClaimsTransformations":[{"ID":"t","InputClaims":"x","InputParameters":[null]}]}}', 'second'] },
  { '@odata.type': '#microsoft.graph.customClaimsPolicy', claims: [{ name: 'Role', configurations: [{ attribute: null, transformations: [null, 1] }, 'x'] }, { name: [] }] },
  { format_version: '1.2', resource_changes: [{ address: 'azuread_application.x', type: 'azuread_application', change: { actions: ['create'], after: { web: 'x', app_role: [{ value: 1 }], identifier_uris: [true] }, after_unknown: { web: [true], app_role: true } } }] },
  { format_version: '1.2', resource_changes: [{ address: 'azuread_claims_mapping_policy.x', type: 'azuread_claims_mapping_policy', change: { actions: ['update'], after: { definition: ['{not json'] }, after_unknown: { definition: [false, true] } } }] },
];

describe('IdP configuration readers on malformed input', () => {
  for (const [index, value] of MALFORMED.entries()) {
    it(`gives results, never a crash (${index})`, () => {
      const results = lintFile(JSON.stringify(value));
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) expect(result.detected).toEqual(expect.any(String));
    });
  }

  it('a Graph file of many objects and a claims policy of many claims are read in bounded time', () => {
    const application = (index: number) => ({ appId: `app-${index}`, displayName: `App ${index}`, web: { redirectUris: ['https://signin.aws.amazon.com/saml'] }, identifierUris: ['urn:amazon:webservices'] });
    const claim = (index: number) => ({ Source: 'transformation', ID: `c${index}`, TransformationId: 't', SamlClaimType: `https://aws.amazon.com/SAML/Attributes/PrincipalTag:k${index}` });
    const definition = JSON.stringify({ ClaimsMappingPolicy: { ClaimsSchema: Array.from({ length: 3000 }, (_, i) => claim(i)), ClaimsTransformations: Array.from({ length: 3000 }, (_, i) => ({ ID: `x${i}` })) } });
    const started = performance.now();
    expect(lintFile(JSON.stringify({ value: Array.from({ length: 300 }, (_, i) => application(i)) }))).toHaveLength(300);
    expect(lintFile(JSON.stringify({ displayName: 'many', definition: [definition] }))).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('a plan of many resources is read in bounded time', () => {
    const change = { address: 'okta_app_saml.x', type: 'okta_app_saml', change: { actions: ['create'], after: { sso_url: 'https://signin.aws.amazon.com/saml' }, after_unknown: {} } };
    const plan = JSON.stringify({ format_version: '1.2', resource_changes: Array.from({ length: 300 }, () => change) });
    const started = performance.now();
    expect(lintFile(plan)).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
