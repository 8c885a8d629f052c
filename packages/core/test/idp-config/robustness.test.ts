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
  { Identifier: 5, SamlResponseSignature: 2, SamlEndpoints: 'x', IssuanceTransformRules: 7, Name: [] },
  { Identifier: [null, 3], IssuanceTransformRules: '=> => issue(;;) ((( ]]] "unterminated', SamlEndpoints: [null, 1, { Location: { AbsoluteUri: 3 }, IsDefault: 'yes', Index: 'x' }] },
  { value: [{ Identifier: [], IssuanceTransformRules: '' }], Count: 'one' },
  { Identifier: 'urn:amazon:webservices', SamlResponseSignature: 'Sometimes', SignatureAlgorithm: null, IssuanceTransformRules: 'c:[Type == "t"] => add(Type = "t", Value = c.Value + c.Value); c:[Type == "t"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName", Value = c.Value);' },
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

  const TF_MALFORMED = [
    'resource "okta_app_saml" "x" {',
    'resource "okta_app_saml" "x" { sso_url = "${" }',
    'resource "okta_app_saml" "x" { attribute_statements { values = [1, { a = [] }, null] name = 5 } }',
    'resource "okta_app_saml" "x" {\n  attribute_statements = "x"\n  default_relay_state = <<EOT\nno end\n}',
    'resource "okta_app_saml" {\n}\nresource "keycloak_saml_client" "a" "b" {\n}\n',
    'resource "keycloak_saml_client" "c" {\n  client_id = 5\n}\nresource "keycloak_generic_protocol_mapper" "m" {\n  client_id = keycloak_saml_client.c.id\n  protocol = "saml"\n  config = { (var.k) = 1 }\n}\n',
    'resource "okta_app_saml" "x" {\n  audience = "\\U0011FFFF \\u12 \\q"\n}\n',
  ];
  for (const [index, text] of TF_MALFORMED.entries()) {
    it(`Terraform source gives results, never a crash (${index})`, () => {
      const results = lintFile(text);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) expect(result.detected).toEqual(expect.any(String));
    });
  }

  it('deeply nested Terraform source is read in bounded time', () => {
    const nested = (depth: number) =>
      `resource "okta_app_saml" "x" {\n  sso_url = "https://signin.aws.amazon.com/saml"\n  audience = ${'['.repeat(depth)}${']'.repeat(depth)}\n  x {\n${'y {\n'.repeat(depth)}${'}\n'.repeat(depth + 1)}}\n`;
    const started = performance.now();
    // Deeper than samlint reads a value, and deeper than the parser reads at all.
    expect(lintFile(nested(200))[0]?.detected).toBe('Terraform source: okta_app_saml.x');
    expect(lintFile(nested(5000))[0]?.detected).toMatch(/^Terraform source, not read: an HCL syntax error/);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('a huge .tf is read in bounded time, and one over the limit is not read', () => {
    const block = (i: number) => `resource "okta_app_saml" "app${i}" {\n  sso_url = "https://signin.aws.amazon.com/saml"\n  attribute_statements {\n    name   = "https://aws.amazon.com/SAML/Attributes/SessionDuration"\n    values = ["3600"]\n  }\n}\n`;
    const many = Array.from({ length: 50 }, (_, i) => block(i)).join('');
    let started = performance.now();
    expect(lintFile(many)).toHaveLength(50);
    expect(performance.now() - started).toBeLessThan(20_000);
    const huge = `${block(0)}${'# padding\n'.repeat(15_000)}`;
    started = performance.now();
    expect(lintFile(huge)[0]?.detected).toMatch(/^Terraform source, not read: \d+ characters, over the 128000 read/);
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);

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

  describe('AD FS list view and claim rules', () => {
    const trust = (rules: string, more = '') => `Identifier             : {urn:amazon:webservices}\r\nSamlResponseSignature  : AssertionOnly\r\n${more}IssuanceTransformRules : ${rules}\r\n`;
    /** Inputs of about 100,000 characters (AWS's limit on a SAMLResponse), each shaped against one part of the reader. */
    const HUGE: Array<[string, string]> = [
      ['a rule continued over 20,000 lines', trust(`${'x\r\n                         '.repeat(20_000)}`)],
      ['20,000 blank lines inside a value', trust(`a${'\r\n'.repeat(20_000)}                         b`)],
      ['10,000 property lines', `${'Identifier : x\r\nSamlResponseSignature : y\r\n'.repeat(2_500)}`],
      ['unclosed bindings', trust('c:['.repeat(30_000))],
      ['unclosed brackets after the arrow', trust(`=> issue(${'('.repeat(50_000)}`)],
      ['an unterminated string', trust(`=> issue(Type = "${'a'.repeat(100_000)}`)],
      ['5,000 rules', trust('=> issue(Type = "https://aws.amazon.com/SAML/Attributes/SessionDuration", Value = "3600");'.repeat(1_200))],
      ['rules that feed a claim type into itself', trust(`=> add(Type = "t", Value = "x");${'c:[Type == "t"] => add(Type = "t", Value = c.Value + c.Value + c.Value);'.repeat(1_200)}c:[Type == "t"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName", Value = c.Value);`)],
      ['RegExReplace 10,000 times', trust(`=> issue(Type = "https://aws.amazon.com/SAML/Attributes/Role", Value = ${'RegExReplace(c.Value, "a", "b") + '.repeat(3_000)}"x");`)],
      ['a JSON rules string of escapes', JSON.stringify({ Identifier: ['urn:amazon:webservices'], SamlResponseSignature: 'AssertionOnly', IssuanceTransformRules: '=\u003e\r\n'.repeat(20_000) }).replace(/\\\\u003e/g, '\\u003e')],
    ];
    for (const [name, text] of HUGE) {
      it(`${name}: results in bounded time, never a crash`, () => {
        const started = performance.now();
        const results = lintFile(text);
        expect(results.length).toBeGreaterThan(0);
        for (const result of results) expect(result.detected).toEqual(expect.any(String));
        expect(performance.now() - started).toBeLessThan(5_000);
      }, 20_000);
    }

    it('the list view parser is linear: ten times the lines take about ten times as long', () => {
      const text = (lines: number) => trust(`${'=> issue(Type = "a", Value = "b");\r\n                         '.repeat(lines)}`);
      const [small, large] = [text(1_000), text(10_000)];
      const time = (input: string) => {
        const started = performance.now();
        lintFile(input);
        return performance.now() - started;
      };
      // The least of five rounds, taken in turns, so that a busy machine slows both sizes alike.
      let best = [Infinity, Infinity];
      for (let round = 0; round < 5; round++) best = [Math.min(best[0] as number, time(small)), Math.min(best[1] as number, time(large))];
      // Quadratic would be 100 times.
      expect((best[1] as number) / Math.max(best[0] as number, 1)).toBeLessThan(30);
    }, 60_000);
  });
});
