import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, type Finding } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';
import type { SamlAppConfig } from '../../src/model/idp-config.js';
import { SourceText } from '../../src/model/source-text.js';
import { applyFix } from '../apply-fix.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/adfs');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const findingsOf = (text: string, options = {}) => lintFile(text, options).flatMap((r) => r.findings);
const codes = (text: string, options = {}) => findingsOf(text, options).map((f) => `${f.code}/${f.messageId}`).sort();
const appOf = (text: string) => readIdpConfig(text)?.apps[0] as SamlAppConfig;
const attribute = (app: SamlAppConfig, suffix: string) => app.attributes.find((a) => a.name.endsWith(`/${suffix}`))?.values;
/** The text of the file a finding points at. */
const textAt = (text: string, finding: Finding | undefined) => {
  const span = finding?.location?.span;
  const source = new SourceText(text);
  return span && text.slice(source.offsetOf(span.line, span.column), source.offsetOf(span.endLine, span.endColumn));
};
const RULES_PATH = 'IssuanceTransformRules';

/** A list view of one trust with the given rules, as PowerShell prints it. */
function listView(rules: string[], more: Record<string, string> = {}): string {
  const properties: Record<string, string> = {
    Enabled: 'True',
    Identifier: '{urn:amazon:webservices}',
    SamlEndpoints: '{Microsoft.IdentityServer.Management.Resources.SamlEndpoint}',
    SamlResponseSignature: 'AssertionOnly',
    SignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    Name: 'AWS',
    IssuanceTransformRules: rules.join('\n'),
    ...more,
  };
  const width = Math.max(...Object.keys(properties).map((k) => k.length));
  const lines = Object.entries(properties).flatMap(([name, value]) => value.split('\n').map((line, i) => (i === 0 ? `${name.padEnd(width)} : ${line}` : `${' '.repeat(width + 3)}${line}`)));
  return `\r\n${lines.join('\r\n')}\r\n\r\n`;
}

const RSN_FROM = (attribute: string) =>
  `c:[Type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname", Issuer == "AD AUTHORITY"] => issue(store = "Active Directory", types = ("https://aws.amazon.com/SAML/Attributes/RoleSessionName"), query = ";${attribute};{0}", param = c.Value);`;
const GROUPS = 'c:[Type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname", Issuer == "AD AUTHORITY"] => add(store = "Active Directory", types = ("http://temp/variable"), query = ";tokenGroups;{0}", param = c.Value);';
const ROLE = (replacement: string) => `c:[Type == "http://temp/variable", Value =~ "(?i)^AWS-"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/Role", Value = RegExReplace(c.Value, "(?i)^AWS-", "${replacement}"));`;
const PAIR = 'arn:aws:iam::123456789012:saml-provider/ADFS,arn:aws:iam::123456789012:role/ADFS-';
const DURATION = (seconds: string) => `=> issue(Type = "https://aws.amazon.com/SAML/Attributes/SessionDuration", Value = "${seconds}");`;

describe('AD FS relying-party trust, ConvertTo-Json', () => {
  it('is recognised from its structure and names the trust', () => {
    expect(lintFile(fixture('trust-clean.json')).map((r) => r.detected)).toEqual(['AD FS relying-party trust (ConvertTo-Json): Amazon Connect']);
  });

  it('a clean trust gives no error: the RoleSessionName source and the relay state are named as not checked', () => {
    expect(codes(fixture('trust-clean.json'))).toEqual(['IDP001/expression', 'IDP001/notCarried']);
  });

  it('reads the endpoint, the identifier, what is signed, and the values the AWS claim rules write', () => {
    const app = appOf(fixture('trust-clean.json'));
    // Windows PowerShell writes a System.Uri as a property bag: its OriginalString is what was configured.
    expect(app.acs).toMatchObject({ state: 'known', value: 'https://eu-west-2.signin.aws.amazon.com/saml', path: 'SamlEndpoints[0].Location.OriginalString', verbatim: true });
    expect(app.audience).toMatchObject({ state: 'known', value: 'urn:amazon:webservices', path: 'Identifier[0]' });
    expect(app.signing).toMatchObject({ responseSigned: { state: 'known', value: false }, assertionSigned: { state: 'known', value: true }, signedParts: { value: 'AssertionOnly' } });
    expect(attribute(app, 'RoleSessionName')).toMatchObject([{ state: 'expression', expression: 'the Active Directory attribute mail', path: `${RULES_PATH}, claim rule “RoleSessionName”` }]);
    expect(attribute(app, 'Role')).toMatchObject([{ state: 'known', value: PAIR, verbatim: true }]);
    // The rules are one JSON string with \r\n and \u003e escapes: a value between them is still the file's own text.
    expect(attribute(app, 'SessionDuration')).toMatchObject([{ state: 'known', value: '43200', verbatim: true }]);
    // The NameID rule's claim is sent as the NameID, not as an attribute.
    expect(app.attributes.map((a) => a.name)).toEqual(['https://aws.amazon.com/SAML/Attributes/RoleSessionName', 'https://aws.amazon.com/SAML/Attributes/Role', 'https://aws.amazon.com/SAML/Attributes/SessionDuration']);
  });

  it('the defects reach the same rules a captured response does, each pointing at its value in the file', () => {
    const text = fixture('trust-defects.json');
    const findings = findingsOf(text);
    expect(findings.map((f) => `${f.code}/${f.messageId}`).sort()).toEqual(['AWS002/notPair', 'AWS009/outOfRange', 'AWS014/notSignIn', 'CX013/overCap', 'IDP001/expression', 'IDP001/notCarried', 'IDP003/signature']);
    const at = (code: string) => textAt(text, findings.find((f) => f.code === code));
    expect(at('AWS002')).toBe('arn:aws:iam::123456789012:role/ADFS-');
    expect(at('AWS009')).toBe('50400');
    expect(at('AWS014')).toBe('https://eu-west-2.console.aws.amazon.com/connect/home');
    expect(at('IDP003')).toBe('http://www.w3.org/2000/09/xmldsig#rsa-sha1');
  });

  it('SHA-1 is fixed in the file, to the SHA-256 URI', () => {
    const text = fixture('trust-defects.json');
    const fix = findingsOf(text).find((f) => f.code === 'IDP003')?.fix;
    expect(fix && applyFix(text, fix)).toContain('"SignatureAlgorithm": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
  });

  it('an array of trusts, or Windows PowerShell’s {value, Count} wrapper, gives a result per trust', () => {
    const trust = JSON.parse(fixture('trust-clean.json')) as Record<string, unknown>;
    const other = { ...trust, Name: 'Other', Identifier: ['https://sp.example.com'], SamlEndpoints: [{ Binding: 'POST', Protocol: 'SAMLAssertionConsumer', Location: 'https://sp.example.com/acs', Index: 0, IsDefault: true }], IssuanceTransformRules: '' };
    const detected = (value: unknown) => lintFile(JSON.stringify(value)).map((r) => r.detected);
    expect(detected([trust, other])).toEqual(['AD FS relying-party trust (ConvertTo-Json): Amazon Connect', 'AD FS relying-party trust (ConvertTo-Json): Other, not an AWS app (no AWS attribute, sign-in URL or Audience): skipped']);
    expect(detected({ value: [trust], Count: 1 })).toEqual(['AD FS relying-party trust (ConvertTo-Json): Amazon Connect']);
    expect(appOf(JSON.stringify({ value: [trust], Count: 1 })).acs.path).toBe('value[0].SamlEndpoints[0].Location.OriginalString');
  });

  it('endpoints cut off by ConvertTo-Json’s default depth are named as not in the file', () => {
    const trust = { ...JSON.parse(fixture('trust-clean.json')), SamlEndpoints: ['Microsoft.IdentityServer.Management.Resources.SamlEndpoint'] };
    const notCarried = findingsOf(JSON.stringify(trust)).filter((f) => f.messageId === 'notCarried').map((f) => f.data.what);
    expect(notCarried).toEqual(['the SAML endpoints (the ACS)', 'the relay state']);
  });

  it('a relay state given with --relay-state is checked by the relay-state rules instead', () => {
    const relayState = 'https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b?destination=/connect/ccp-v2';
    const found = codes(fixture('trust-clean.json'), { relayState });
    expect(found).toContain('CX007/unencoded');
    expect(found).not.toContain('IDP001/notCarried');
  });

  it('a SamlResponseSignature AD FS does not define is named as not read, not taken for a flag', () => {
    for (const value of ['Sometimes', 'constructor']) {
      const trust = { ...JSON.parse(fixture('trust-clean.json')), SamlResponseSignature: value };
      const app = appOf(JSON.stringify(trust));
      expect(app.signing.assertionSigned.state).toBe('absent');
      expect(findingsOf(JSON.stringify(trust)).find((f) => f.messageId === 'notRecognised')?.data.what).toBe(`\`SamlResponseSignature\` \`${value}\``);
    }
  });

  it('a claims-provider trust and other JSON with an Identifier are not read', () => {
    expect(readIdpConfig(JSON.stringify({ Identifier: 'x', AcceptanceTransformRules: '' }))).toBeUndefined();
  });
});

describe('AD FS relying-party trust, list view', () => {
  it('a clean trust gives no error; the list view prints the endpoints as a type name, so the ACS is named as not in the file', () => {
    const results = lintFile(fixture('trust-list-clean.txt'));
    expect(results.map((r) => r.detected)).toEqual(['AD FS relying-party trust (list view): Amazon Connect']);
    expect(codes(fixture('trust-list-clean.txt'))).toEqual(['IDP001/expression', 'IDP001/notCarried', 'IDP001/notCarried']);
  });

  it('reads the same values as the JSON of the same trust', () => {
    const list = appOf(fixture('trust-list-clean.txt'));
    const json = appOf(fixture('trust-clean.json'));
    const values = (app: SamlAppConfig) => app.attributes.map((a) => [a.name, a.values.map((v) => (v.state === 'known' ? v.value : v.state === 'expression' ? v.expression : v.state))]);
    expect(values(list)).toEqual(values(json));
    expect([list.audience, list.signing.signatureAlgorithm, list.signing.signedParts].map((v) => v?.state === 'known' && v.value)).toEqual(['urn:amazon:webservices', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'AssertionOnly']);
  });

  it('the defects, with the endpoints printed after the trust', () => {
    const text = fixture('trust-list-defects.txt');
    const findings = findingsOf(text);
    expect(findings.map((f) => `${f.code}/${f.messageId}`).sort()).toEqual(['AWS015/notAws', 'IDP001/expression', 'IDP001/expression', 'IDP001/notCarried', 'IDP002/messageOnly', 'IDP004/personName']);
    expect(textAt(text, findings.find((f) => f.code === 'IDP004'))).toBe('displayName');
    expect(textAt(text, findings.find((f) => f.code === 'IDP002'))).toBe('MessageOnly');
    expect(appOf(text).acs).toMatchObject({ state: 'known', value: 'https://eu-west-2.signin.aws.amazon.com/saml', path: 'SamlEndpoints[0].Location' });
  });

  it('a string wrapped onto the next line is read whole, and is no longer the file’s own text', () => {
    const wrapped = ROLE(PAIR).replace('saml-provider/', 'saml-pro\nvider/');
    const [role] = attribute(appOf(listView([GROUPS, wrapped])), 'Role') ?? [];
    expect(role).toMatchObject({ state: 'known', value: PAIR, verbatim: false });
  });

  it('a trust whose list view shows neither an ACS nor an AWS claim rule is still AWS’s by its Identifier', () => {
    expect(lintFile(listView([]))[0]?.detected).toBe('AD FS relying-party trust (list view): AWS');
  });

  it('a file with several trusts gives a result each; text that only looks alike is not read', () => {
    const two = listView([DURATION('3600')]) + listView([DURATION('3600')], { Name: 'Second' });
    expect(lintFile(two).map((r) => r.detected)).toEqual(['AD FS relying-party trust (list view): AWS', 'AD FS relying-party trust (list view): Second']);
    expect(readIdpConfig('Identifier : x\nNotes : y\n')).toBeUndefined();
    expect(readIdpConfig('Identifier : x\nSamlResponseSignature : y\n')?.apps).toHaveLength(1);
  });
});

describe('AD FS claim rules', () => {
  const rulesOf = (...rules: string[]) => appOf(listView(rules));

  it('the RoleSessionName source: an LDAP attribute, a claim passed through, or an earlier rule’s claim', () => {
    expect(attribute(rulesOf(RSN_FROM('sAMAccountName')), 'RoleSessionName')).toMatchObject([{ expression: 'the Active Directory attribute sAMAccountName' }]);
    const upn = 'c:[Type == "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName", Value = c.Value);';
    expect(attribute(rulesOf(upn), 'RoleSessionName')).toMatchObject([{ expression: 'the claim http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn' }]);
    const viaTemp = [
      'c:[Type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname"] => add(store = "Active Directory", types = ("http://temp/mail"), query = ";mail;{0}", param = c.Value);',
      'c:[Type == "http://temp/mail"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName", Value = c.Value);',
    ];
    expect(attribute(rulesOf(...viaTemp), 'RoleSessionName')).toMatchObject([{ expression: 'the Active Directory attribute mail' }]);
  });

  it('the Role rule: a pair with the provider ARN is checked as written, one without gives AWS002', () => {
    expect(codes(listView([GROUPS, ROLE(PAIR), DURATION('3600')]))).not.toContain('AWS002/notPair');
    expect(codes(listView([GROUPS, ROLE('arn:aws:iam::123456789012:role/ADFS-'), DURATION('3600')]))).toContain('AWS002/notPair');
    // The group name gives the whole role name: a stand-in keeps the ARN whole, so no false error.
    expect(codes(listView([GROUPS, ROLE('arn:aws:iam::123456789012:saml-provider/ADFS,arn:aws:iam::123456789012:role/'), DURATION('3600')]))).not.toContain('AWS002/badPart');
    // A replacement using the pattern's groups is evaluated per user.
    const [byGroup] = attribute(rulesOf(GROUPS, ROLE('arn:aws:iam::$1:saml-provider/ADFS,arn:aws:iam::$1:role/x')), 'Role') ?? [];
    expect(byGroup?.state).toBe('expression');
  });

  it('a constant SessionDuration is checked (AWS009), at its place in the file', () => {
    const text = listView([DURATION('50400')]);
    expect(textAt(text, findingsOf(text).find((f) => f.code === 'AWS009'))).toBe('50400');
  });

  it('a rule samlint does not read is named; one that names an AWS attribute keeps the attribute present, not checked', () => {
    const unreadable = '@RuleName = "Broken"\nc:[Type == "x"] issue(Type = "http://example.com/claims/team", Value = c.Value);';
    expect(findingsOf(listView([unreadable, DURATION('3600')])).find((f) => f.messageId === 'notRecognised')?.data).toMatchObject({ what: 'claim rule “Broken”' });
    const unreadableRsn = '@RuleName = "RSN"\nc:[Type == "x"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName" Value = c.Value);';
    const found = codes(listView([unreadableRsn]));
    expect(found).not.toContain('AWS006/missing');
    expect(findingsOf(listView([unreadableRsn])).find((f) => f.code === 'IDP001' && f.data.what === 'the RoleSessionName value')?.data.expression).toBe('what claim rule “RSN” issues, a form samlint does not read');
  });
});
