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

  it('a plan of many resources is read in bounded time', () => {
    const change = { address: 'okta_app_saml.x', type: 'okta_app_saml', change: { actions: ['create'], after: { sso_url: 'https://signin.aws.amazon.com/saml' }, after_unknown: {} } };
    const plan = JSON.stringify({ format_version: '1.2', resource_changes: Array.from({ length: 300 }, () => change) });
    const started = performance.now();
    expect(lintFile(plan)).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
