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

  it('a plan of many resources is read in bounded time', () => {
    const change = { address: 'okta_app_saml.x', type: 'okta_app_saml', change: { actions: ['create'], after: { sso_url: 'https://signin.aws.amazon.com/saml' }, after_unknown: {} } };
    const plan = JSON.stringify({ format_version: '1.2', resource_changes: Array.from({ length: 300 }, () => change) });
    const started = performance.now();
    expect(lintFile(plan)).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
