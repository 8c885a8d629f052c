import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/okta');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const codes = (text: string) => lintFile(text).flatMap((r) => r.findings.map((f) => `${f.code}/${f.messageId}`));

describe('Okta Apps API JSON', () => {
  it('is recognised from its structure and names the app', () => {
    const [result] = lintFile(fixture('connect-clean.json'));
    expect(result?.detected).toBe('Okta Apps API JSON: Okta app “Amazon Connect”');
  });

  it('a clean Connect app gives no error, and its RoleSessionName expression is reported as not checked', () => {
    expect(codes(fixture('connect-clean.json'))).toEqual(['IDP001/expression']);
  });

  it('reads every value with its state and path', () => {
    const [app] = readIdpConfig(fixture('connect-clean.json'))?.apps ?? [];
    expect(app?.acs).toMatchObject({ state: 'known', value: 'https://eu-west-2.signin.aws.amazon.com/saml', path: 'settings.signOn.ssoAcsUrl', verbatim: true });
    expect(app?.signing.assertionSigned).toMatchObject({ state: 'known', value: true });
    expect(app?.attributes.map((a) => a.values[0]?.state)).toEqual(['expression', 'known', 'known']);
  });

  it('the defects reach the same rules a captured response does, pointing into the file', () => {
    const text = fixture('connect-defects.json');
    const findings = lintFile(text).flatMap((r) => r.findings);
    expect(findings.map((f) => f.code).sort()).toEqual(['AWS002', 'AWS009', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP003', 'IDP005']);
    const at = (code: string) => findings.find((f) => f.code === code)?.location;
    const lines = text.split('\n');
    // Each finding points at the configured value it is about.
    expect(lines[(at('AWS009')?.span.line ?? 0) - 1]).toContain('"50400"');
    expect(lines[(at('IDP005')?.span.line ?? 0) - 1]).toContain('"ssoAcsUrl"');
    expect(lines[(at('AWS002')?.span.line ?? 0) - 1]).toContain('role/ConnectFederation"');
    expect(findings.every((f) => f.location?.artifact === 'input')).toBe(true);
  });

  it('a relay state fix edits the file where the value is written verbatim', () => {
    const text = fixture('connect-defects.json');
    const fix = lintFile(text).flatMap((r) => r.findings).find((f) => f.code === 'CX007')?.fix;
    expect(fix?.location.artifact).toBe('input');
    const lines = text.split('\n');
    const span = fix?.location.span;
    expect(span && lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1)).toBe('/connect/ccp-v2/softphone?x=1');
  });

  it('the AWS Account Federation app: SessionDuration is checked, the username template and role pattern are expressions, the rest is named as not carried', () => {
    const results = lintFile(fixture('aws-account-federation.json'));
    expect(results[0]?.findings.map((f) => `${f.code}/${f.messageId}`).sort()).toEqual([
      'IDP001/expression',
      'IDP001/expression',
      'IDP001/notCarried',
      'IDP001/notCarried',
      'IDP001/notCarried',
    ]);
    const outOfRange = fixture('aws-account-federation.json').replace('"sessionDuration": 3600', '"sessionDuration": 50400');
    expect(codes(outOfRange)).toContain('AWS009/outOfRange');
  });

  it('apps of other sign-on modes are not SAML apps; an app that is plainly not AWS is skipped with a note', () => {
    const oidc = JSON.stringify({ id: '0oa1', label: 'Portal', signOnMode: 'OPENID_CONNECT', settings: {} });
    expect(lintFile(oidc)[0]?.detected).toBe('Okta Apps API JSON, no SAML app');
    const other = JSON.stringify({ id: '0oa2', label: 'Wiki', signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: 'https://wiki.example.com/saml', assertionSigned: false } } });
    const [skipped] = lintFile(other);
    expect(skipped?.detected).toMatch(/not an AWS app/);
    expect(skipped?.findings).toEqual([]);
  });

  it('a list of apps gives a result per SAML app', () => {
    const list = `[${fixture('connect-clean.json')},${fixture('aws-account-federation.json')}]`;
    expect(lintFile(list).map((r) => r.detected)).toEqual([
      'Okta Apps API JSON: Okta app “Amazon Connect”',
      'Okta Apps API JSON: Okta app “AWS Account Federation”',
    ]);
  });

  it('JSON that is no Okta app is read as before', () => {
    expect(lintFile('{"signOnMode": 1}')[0]?.detected).not.toMatch(/Okta/);
  });
});
