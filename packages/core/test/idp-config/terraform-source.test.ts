import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';
import type { SamlAppConfig } from '../../src/model/idp-config.js';
import { applyFix } from '../apply-fix.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/terraform');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const findingsOf = (text: string) => lintFile(text).flatMap((r) => r.findings);
const codes = (text: string) => findingsOf(text).map((f) => `${f.code}/${f.messageId}`);
const appOf = (text: string): SamlAppConfig => {
  const [app] = readIdpConfig(text)?.apps ?? [];
  if (!app) throw new Error('no app');
  return app;
};
/** The text a location covers. */
const under = (text: string, span: { line: number; column: number; endLine: number; endColumn: number } | undefined) => {
  const lines = text.split('\n');
  return span && span.line === span.endLine ? lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1) : undefined;
};
const okta = (body: string) => `resource "okta_app_saml" "connect" {\n  sso_url = "https://eu-west-2.signin.aws.amazon.com/saml"\n${body}\n}\n`;

describe('Terraform source (.tf)', () => {
  it('is recognised from its structure and names each SAML app by its address', () => {
    expect(lintFile(fixture('okta-connect-clean.tf')).map((r) => r.detected)).toEqual(['Terraform source: okta_app_saml.connect']);
    expect(lintFile(fixture('keycloak-clean.tf')).map((r) => r.detected)).toEqual(['Terraform source: keycloak_saml_client.connect']);
  });

  it('a file without a SAML app resource, or one that is not HCL, is said to be so', () => {
    expect(lintFile('resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n')[0]?.detected).toBe('Terraform source, no SAML app');
    expect(lintFile('resource "okta_app_saml" "x" {\n  sso_url = = "a"\n}\n')[0]?.detected).toBe('Terraform source, not read: an HCL syntax error (`terraform validate` places it)');
    // The name "resource" alone in a text is no Terraform source, nor is XML with such a line in a value.
    expect(lintFile('resource okta_app_saml')[0]?.detected).not.toMatch(/Terraform/);
    expect(lintFile('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">\nresource "okta_app_saml" "x" {\n}</samlp:Response>')[0]?.detected).not.toMatch(/Terraform/);
  });

  it('clean files give no error: only the per-user RoleSessionName expression is not checked', () => {
    expect(codes(fixture('okta-connect-clean.tf'))).toEqual(['IDP001/expression']);
    expect(codes(fixture('keycloak-clean.tf'))).toEqual(['IDP001/expression']);
  });

  it('okta_app_saml: the defects reach the rules a response reaches, each pointing at its literal in the file', () => {
    const text = fixture('okta-connect-defects.tf');
    const findings = findingsOf(text);
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual(['AWS002', 'AWS009', 'AWS015', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP004', 'IDP005']);
    const at = (code: string) => under(text, findings.find((f) => f.code === code)?.location?.span);
    expect(at('AWS009')).toBe('50400');
    expect(at('AWS002')).toBe('arn:aws:iam::123456789012:role/ConnectFederation');
    expect(at('IDP005')).toBe('https://eu-west-2.console.aws.amazon.com/connect/home');
    expect(at('IDP004')).toBe('user.displayName');
  });

  it('keycloak_saml_client: mapper and role resources linked by client_id give the attributes', () => {
    const text = fixture('keycloak-defects.tf');
    expect([...new Set(findingsOf(text).map((f) => f.code))].sort()).toEqual(['AWS002', 'AWS009', 'AWS014', 'CX007', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP004']);
    const app = appOf(fixture('keycloak-clean.tf'));
    expect(app.audience).toMatchObject({ state: 'known', value: 'urn:amazon:webservices', path: 'keycloak_saml_client.connect.client_id' });
    expect(app.attributes.map((a) => [a.name.replace('https://aws.amazon.com/SAML/Attributes/', ''), a.values.map((v) => (v.state === 'known' ? v.value : v.state))])).toEqual([
      ['RoleSessionName', ['expression']],
      ['Role', ['arn:aws:iam::123456789012:role/ConnectFederation,arn:aws:iam::123456789012:saml-provider/Keycloak']],
      ['SessionDuration', ['43200']],
    ]);
  });

  it('a mapper of another client is not this client’s', () => {
    const text = `${fixture('keycloak-clean.tf')}
resource "keycloak_saml_client" "other" {
  realm_id  = "staff"
  client_id = "https://other.example.com"
}
resource "keycloak_generic_protocol_mapper" "other_duration" {
  realm_id        = "staff"
  client_id       = keycloak_saml_client.other.id
  protocol        = "saml"
  protocol_mapper = "saml-hardcode-attribute-mapper"
  config = { "attribute.name" = "https://aws.amazon.com/SAML/Attributes/SessionDuration", "attribute.value" = "99999" }
}
`;
    const results = lintFile(text);
    expect(results.map((r) => r.detected)).toEqual(['Terraform source: keycloak_saml_client.connect', 'Terraform source: keycloak_saml_client.other']);
    expect(results[0]?.findings.map((f) => f.code)).not.toContain('AWS009');
    expect(results[1]?.findings.map((f) => f.code)).toContain('AWS009');
  });

  it('a value samlint does not evaluate is not checked, and the finding names its expression', () => {
    const text = fixture('okta-unresolved.tf');
    const findings = findingsOf(text);
    expect(findings.every((f) => f.code === 'IDP001')).toBe(true);
    const unresolved = findings.filter((f) => f.messageId === 'unresolved').map((f) => [f.data?.path, f.data?.expression, under(text, f.location?.span)]);
    expect(unresolved).toEqual([
      ['okta_app_saml.connect.sso_url', 'local.sign_in', 'local.sign_in'],
      ['okta_app_saml.connect.recipient', 'local.sign_in', 'local.sign_in'],
      ['okta_app_saml.connect.destination', 'local.sign_in', 'local.sign_in'],
      ['okta_app_saml.connect.default_relay_state', 'var.relay_state', 'var.relay_state'],
      ['okta_app_saml.connect.attribute_statements[1].values[0]', '${aws_iam_saml_provider.okta.arn}', '"arn:aws:iam::123456789012:role/ConnectFederation,${aws_iam_saml_provider.okta.arn}"'],
      ['okta_app_saml.connect.attribute_statements[2].values[0]', 'tostring(var.session_seconds)', 'tostring(var.session_seconds)'],
    ]);
  });

  it('an unresolved value is never judged: no rule fires on a placeholder', () => {
    const text = okta('  default_relay_state = "https://${var.region}.console.aws.amazon.com/connect/federate/x?destination=/a"\n  attribute_statements {\n    name   = "https://aws.amazon.com/SAML/Attributes/SessionDuration"\n    values = [var.seconds]\n  }');
    // The app sends no Role nor RoleSessionName (AWS001, AWS006); nothing judges the two unresolved values.
    expect(codes(text).sort()).toEqual(['AWS001/missing', 'AWS006/missing', 'IDP001/unresolved', 'IDP001/unresolved']);
  });

  it('reads literals as Terraform evaluates them: escapes, heredocs, numbers, jsonencode of literals', () => {
    const app = appOf(
      okta(`  audience = "urn:amazon:\\u0077ebservices"
  default_relay_state = <<-EOT
    https://eu-west-2.console.aws.amazon.com/connect/federate/x
  EOT
  subject_name_id_template = "$\${user.userName}"
  preconfigured_app = "amazon_aws"
  app_settings_json = jsonencode({
    sessionDuration = 50400
    "awsEnvironmentType" = "aws.amazon"
  })
  response_signed = true`),
    );
    expect(app.audience).toMatchObject({ state: 'known', value: 'urn:amazon:webservices', verbatim: false });
    // A heredoc ends with its last newline, as Terraform reads it.
    expect(app.relayState).toMatchObject({ state: 'known', value: 'https://eu-west-2.console.aws.amazon.com/connect/federate/x\n', verbatim: false });
    expect(app.signing.responseSigned).toMatchObject({ state: 'known', value: true, verbatim: true });
    expect(app.attributes).toEqual([expect.objectContaining({ name: 'https://aws.amazon.com/SAML/Attributes/SessionDuration', values: [expect.objectContaining({ state: 'known', value: '50400' })] })]);
  });

  it('reads long strings and heredocs (an inline certificate or metadata), and literal `$`, `%` and escapes among their text', () => {
    // Before the grammar's tokenizer was patched, each character of a template was a token: a 4,000
    // character string was refused as a syntax error, and a 2,000 character one took half a second.
    const certificate = 'MIIC'.padEnd(4000, 'A');
    const metadata = Array.from({ length: 300 }, (_, i) => `      <md:Line n="${i}">100% of $5 and %%{not} $\${a directive}</md:Line>`).join('\n');
    const app = appOf(okta(`  audience = "${certificate}\\n100% $5 \\"q\\" $\${x}"\n  default_relay_state = <<-EOT\n${metadata}\n    EOT`));
    expect(app.audience).toMatchObject({ state: 'known', value: `${certificate}\n100% $5 "q" \${x}` });
    expect(app.relayState).toMatchObject({ state: 'known', value: `${metadata.replace(/^ {6}/gm, '').replace(/([$%])\1\{/g, '$1{')}\n` });
  });

  it('a heredoc keeps its trailing spaces and blank lines, as Terraform does; CRLF line ends read as LF', () => {
    expect(appOf(okta('  audience = <<EOT\nabc   \n\n\nEOT')).audience).toMatchObject({ state: 'known', value: 'abc   \n\n\n' });
    expect(appOf(okta('  audience = <<EOT\r\nurn:amazon:\r\nwebservices\r\nEOT').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r')).audience).toMatchObject({ state: 'known', value: 'urn:amazon:\nwebservices\n' });
  });

  it('a dynamic block makes its list not known, named as the block', () => {
    const text = okta('  dynamic "attribute_statements" {\n    for_each = var.statements\n    content {\n      name = attribute_statements.value.name\n    }\n  }');
    expect(appOf(text).notCarried).toEqual([{ what: 'the attribute statements', why: 'they come from `dynamic "attribute_statements" block`, which samlint does not evaluate in Terraform source' }]);
  });

  it('quick fixes edit the literal in the .tf: URL-encoding the destination, replacing SHA-1', () => {
    let text = fixture('okta-connect-defects.tf');
    for (const code of ['CX007', 'IDP003', 'IDP002']) {
      const fix = findingsOf(text).find((f) => f.code === code)?.fix;
      expect(fix, code).toBeDefined();
      text = applyFix(text, fix!);
    }
    expect(text).toContain('?destination=%2Fconnect%2Fccp-v2%2Fsoftphone%3Fx%3D1&y=2"');
    expect(text).toContain('signature_algorithm = "RSA_SHA256"');
    expect(text).toContain('assertion_signed    = true');
    expect(codes(text)).not.toContain('CX007/notEncoded');
  });

  it('no fix where the value is not the literal text (an escape in it)', () => {
    const text = okta('  signature_algorithm = "RSA_\\u0053HA1"');
    const finding = findingsOf(text).find((f) => f.code === 'IDP003');
    expect(finding?.data?.algorithm).toBe('RSA_SHA1');
    expect(finding?.fix).toBeUndefined();
  });
});
