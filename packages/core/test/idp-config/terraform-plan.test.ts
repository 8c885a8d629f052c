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

describe('Terraform plan and state JSON (keycloak_saml_client)', () => {
  it('a plan’s client gets the mappers and roles its configuration links to it, though their client_id is unknown until apply', () => {
    const text = fixture('keycloak-plan.json');
    const [result, ...rest] = lintFile(text);
    expect(rest).toEqual([]);
    expect(result?.detected).toBe('Terraform plan: keycloak_saml_client.connect');
    expect(result?.findings.map((f) => `${f.code}/${f.messageId}`).sort()).toEqual(['AWS009/outOfRange', 'CX013/overCap', 'IDP001/expression', 'IDP003/signature']);
    const [app] = readIdpConfig(text)?.apps ?? [];
    expect(app?.attributes.map((a) => a.name.replace('https://aws.amazon.com/SAML/Attributes/', ''))).toEqual(['RoleSessionName', 'Role', 'SessionDuration']);
    expect(app?.attributes[1]?.values).toEqual([expect.objectContaining({ state: 'known', value: 'arn:aws:iam::123456789012:role/ConnectFederation,arn:aws:iam::123456789012:saml-provider/Keycloak' })]);
  });

  it('without references (a state), a mapper belongs to the client whose id its client_id holds', () => {
    const resource = (address: string, values: object) => ({ address, type: address.split('.')[0], values });
    const state = {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            resource('keycloak_saml_client.connect', { id: 'c1', client_id: 'urn:amazon:webservices', assertion_consumer_post_url: 'https://signin.aws.amazon.com/saml', sign_documents: true, sign_assertions: true, signature_algorithm: 'RSA_SHA256' }),
            resource('keycloak_generic_protocol_mapper.duration', { client_id: 'c1', protocol: 'saml', protocol_mapper: 'saml-hardcode-attribute-mapper', config: { 'attribute.name': 'https://aws.amazon.com/SAML/Attributes/SessionDuration', 'attribute.value': '50400' } }),
            resource('keycloak_generic_protocol_mapper.elsewhere', { client_id: 'c2', protocol: 'saml', protocol_mapper: 'saml-hardcode-attribute-mapper', config: { 'attribute.name': 'https://aws.amazon.com/SAML/Attributes/Role', 'attribute.value': 'x' } }),
          ],
        },
      },
    };
    const [app] = readIdpConfig(JSON.stringify(state))?.apps ?? [];
    expect(app?.attributes.map((a) => a.path)).toEqual(['values.root_module.resources[1].values.config["attribute.name"]']);
  });
});
