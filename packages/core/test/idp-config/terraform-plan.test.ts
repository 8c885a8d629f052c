import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/terraform');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

describe('Terraform plan and state JSON (okta_app_saml)', () => {
  it('a plan is recognised and each okta_app_saml named by its address', () => {
    expect(lintFile(fixture('plan-defects.json')).map((r) => r.detected)).toEqual(['Terraform plan: okta_app_saml.connect']);
  });

  it('a value the plan knows only after apply is unknown, pointing at its after_unknown entry, and never judged', () => {
    const text = fixture('plan-defects.json');
    const [app] = readIdpConfig(text)?.apps ?? [];
    const role = app?.attributes.find((a) => a.name.endsWith('/Role'))?.values[0];
    expect(role).toMatchObject({ state: 'unknown', path: 'resource_changes[0].change.after.attribute_statements[1].values' });
    const findings = lintFile(text).flatMap((r) => r.findings);
    // The Role is written as a placeholder so that it is not "missing"; no rule judges it.
    expect(findings.filter((f) => ['AWS001', 'AWS002'].includes(f.code))).toEqual([]);
    expect(findings.filter((f) => f.code === 'IDP001').map((f) => f.messageId).sort()).toEqual(['expression', 'unknown']);
  });

  it('the plan’s defects are found by the rules that find them in a response', () => {
    const codes = lintFile(fixture('plan-defects.json')).flatMap((r) => r.findings.map((f) => f.code));
    expect([...new Set(codes)].sort()).toEqual(['AWS009', 'AWS014', 'AWS015', 'CX006', 'CX013', 'IDP001', 'IDP004']);
  });

  it('a state reads resources in child modules; a clean one gives no error', () => {
    const [result] = lintFile(fixture('state-clean.json'));
    expect(result?.detected).toBe('Terraform state: module.connect_sso.okta_app_saml.connect');
    expect(result?.findings.map((f) => `${f.code}/${f.messageId}`)).toEqual(['IDP001/expression']);
  });

  it('a resource the plan deletes, and a plan without okta_app_saml, give no app', () => {
    const deleted = fixture('plan-defects.json').replace('"actions": ["create"]', '"actions": ["delete"]');
    expect(lintFile(deleted)[0]?.detected).toBe('Terraform plan, no SAML app');
    expect(lintFile(JSON.stringify({ format_version: '1.2', resource_changes: [] }))[0]?.detected).toBe('Terraform plan, no SAML app');
  });

  it('the AWS Account Federation app’s sessionDuration in app_settings_json is checked', () => {
    const state = JSON.stringify({
      format_version: '1.0',
      values: { root_module: { resources: [{ address: 'okta_app_saml.aws', type: 'okta_app_saml', values: { preconfigured_app: 'amazon_aws', app_settings_json: '{"sessionDuration": 86400}' } }] } },
    });
    const findings = lintFile(state).flatMap((r) => r.findings);
    expect(findings.map((f) => `${f.code}/${f.messageId}`)).toContain('AWS009/outOfRange');
  });
});
