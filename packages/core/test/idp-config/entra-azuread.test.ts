import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';
import { azureadApps, type TerraformResource } from '../../src/idp-config/azuread.js';
import { parseJson } from '../../src/json/tree.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/entra');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const codes = (text: string) => lintFile(text).flatMap((r) => r.findings.map((f) => `${f.code}/${f.messageId}`)).sort();

describe('azuread in Terraform plan and state JSON', () => {
  it('the application, its service principal and claims mapping policy are one app, named by their addresses', () => {
    expect(lintFile(fixture('azuread-plan-clean.json')).map((r) => r.detected)).toEqual([
      'Terraform plan: azuread_application.connect with azuread_service_principal.connect, azuread_claims_mapping_policy.connect',
    ]);
  });

  it('a clean plan gives no error; a Role value known only after apply is not checked, never a pass', () => {
    expect(codes(fixture('azuread-plan-clean.json'))).toEqual(['IDP001/expression', 'IDP001/notCarried', 'IDP001/notCarried', 'IDP001/unknown']);
    const [app] = readIdpConfig(fixture('azuread-plan-clean.json'))?.apps ?? [];
    expect(app?.attributes.find((a) => a.name.endsWith('/Role'))?.values).toMatchObject([{ state: 'unknown', path: 'resource_changes[0].change.after.app_role[0].value' }]);
    // identifier_uris `https://signin.aws.amazon.com/saml#1`: Entra sends it without the suffix.
    expect(app?.audience).toMatchObject({ state: 'known', value: 'https://signin.aws.amazon.com/saml' });
  });

  it('the defects plan gives the codes a response with the same settings gives', () => {
    expect([...new Set(codes(fixture('azuread-plan-defects.json')).map((c) => c.split('/')[0]))]).toEqual(['AWS002', 'AWS009', 'AWS014', 'AWS015', 'CX006', 'CX013', 'IDP001', 'IDP004', 'IDP007']);
  });

  it('a definition known only after apply leaves the claims not checked, and no claim reads as missing', () => {
    const plan = JSON.parse(fixture('azuread-plan-clean.json'));
    const policy = plan.resource_changes[2].change;
    delete policy.after.definition;
    policy.after_unknown.definition = true;
    const found = codes(JSON.stringify(plan));
    expect(found.filter((c) => !c.startsWith('IDP001'))).toEqual([]);
    const [app] = readIdpConfig(JSON.stringify(plan))?.apps ?? [];
    expect(app?.attributes.find((a) => a.name.endsWith('/RoleSessionName'))?.values).toMatchObject([{ state: 'unknown', path: 'resource_changes[2].change.after.definition' }]);
  });

  it('a sign-on mode known only after apply is not checked, and says so', () => {
    const plan = JSON.parse(fixture('azuread-plan-clean.json'));
    const principal = plan.resource_changes.find((change: { type: string }) => change.type === 'azuread_service_principal').change;
    delete principal.after.preferred_single_sign_on_mode;
    principal.after_unknown.preferred_single_sign_on_mode = true;
    const findings = lintFile(JSON.stringify(plan)).flatMap((r) => r.findings);
    expect(findings.filter((f) => f.code === 'IDP007')).toEqual([]);
    expect(findings.filter((f) => f.code === 'IDP001' && f.messageId === 'unknown').map((f) => f.message)).toContain(
      '`resource_changes[1].change.after.preferred_single_sign_on_mode` is known only after apply, so the single sign-on mode is not checked',
    );
  });

  it('a state pairs each application with the service principal of its client id', () => {
    const resource = (type: string, name: string, values: object) => ({ address: `${type}.${name}`, mode: 'managed', type, name, values });
    const app = (name: string, clientId: string, acs: string) =>
      resource('azuread_application', name, { client_id: clientId, identifier_uris: ['urn:amazon:webservices'], web: [{ redirect_uris: [acs] }], app_role: [] });
    const state = {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            app('a', '1', 'https://eu-west-2.signin.aws.amazon.com/saml'),
            app('b', '2', 'https://us-east-1.signin.aws.amazon.com/saml'),
            resource('azuread_service_principal', 'x', { client_id: '2', saml_single_sign_on: [{ relay_state: 'https://us-east-1.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b' }] }),
          ],
        },
      },
    };
    expect(lintFile(JSON.stringify(state)).map((r) => r.detected)).toEqual([
      'Terraform state: azuread_application.b with azuread_service_principal.x',
      'Terraform state: azuread_application.a',
    ]);
  });

  it('maps any source of resource values, not only plan JSON: a value pending for another reason is not checked', () => {
    // As a reader of Terraform source would hand it: the values as JSON, an unresolved reference pending.
    const text = JSON.stringify({ identifier_uris: ['urn:amazon:webservices'], web: [{ redirect_uris: ['https://signin.aws.amazon.com/saml'] }] });
    const values = parseJson(text, 'input').root;
    const application: TerraformResource = {
      type: 'azuread_application',
      address: 'azuread_application.connect',
      range: { start: 0, end: 1 },
      values,
      at: 'azuread_application.connect',
      pending: (path) => (path.join('.') === 'identifier_uris' ? { state: 'expression', expression: 'var.identifier', path: 'azuread_application.connect.identifier_uris', range: { start: 0, end: 1 } } : undefined),
    };
    const [app] = azureadApps(text, [application], 'terraform-plan');
    expect(app?.audience).toMatchObject({ state: 'expression', expression: 'var.identifier' });
    expect(app?.acs).toMatchObject({ state: 'known', value: 'https://signin.aws.amazon.com/saml', path: 'azuread_application.connect.web[0].redirect_uris[0]' });
  });
});
