import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/entra');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const graph = (): unknown[] => JSON.parse(fixture('graph-clean.json'));
const findingsOf = (text: string) => lintFile(text).flatMap((r) => r.findings);
const codes = (text: string) => findingsOf(text).map((f) => `${f.code}/${f.messageId}`).sort();
const under = (text: string, span: { line: number; column: number; endLine: number; endColumn: number } | undefined) => {
  const lines = text.split('\n');
  return span && span.line === span.endLine ? lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1) : undefined;
};

const RSN = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const SESSION_DURATION = 'https://aws.amazon.com/SAML/Attributes/SessionDuration';
const NOT_CARRIED_SIGNING = ['IDP001/notCarried', 'IDP001/notCarried'];

describe('Microsoft Graph JSON (Entra ID)', () => {
  it('is recognised from its structure, and the application, service principal and policy make one app', () => {
    expect(lintFile(fixture('graph-clean.json')).map((r) => r.detected)).toEqual(['Microsoft Graph: application “Amazon Connect” (appId f3d8c2a1-7b64-4e2d-9c51-8a0b6e4d2f17)']);
  });

  it('a clean app gives no error: the RoleSessionName expression and the portal-only signing settings are not checked', () => {
    expect(codes(fixture('graph-clean.json'))).toEqual(['IDP001/expression', ...NOT_CARRIED_SIGNING]);
    const [app] = readIdpConfig(fixture('graph-clean.json'))?.apps ?? [];
    expect(app?.attributes.find((a) => a.name === RSN)?.values[0]).toMatchObject({ state: 'expression', expression: 'ToLowercase(user.userprincipalname)' });
    // Role is sent from user.assignedroles: the app roles' values, checked as literals.
    expect(app?.attributes.find((a) => a.name.endsWith('/Role'))?.values).toMatchObject([{ state: 'known', path: '[0].appRoles[1].value', verbatim: true }]);
  });

  it('the defects reach the rules that find them in a response, each pointing at its value in the file', () => {
    const text = fixture('graph-defects.json');
    const findings = findingsOf(text);
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual(['AWS002', 'AWS009', 'AWS014', 'AWS015', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP004']);
    const at = (code: string) => under(text, findings.find((f) => f.code === code)?.location?.span);
    expect(at('AWS002')).toBe('arn:aws:iam::123456789012:role/ConnectAgent');
    expect(at('AWS014')).toBe('https://eu-west-2.console.aws.amazon.com/connect/home');
    expect(at('AWS015')).toBe('https://example-cc.my.connect.aws');
    // Inside the definition string, the constant as the file writes it.
    expect(at('AWS009')).toBe('50400');
    expect(findings.find((f) => f.code === 'IDP004')).toMatchObject({ messageId: 'joinedWithSpace', data: { expression: 'Join(user.givenname, user.surname, separator " ")' } });
    const fix = findings.find((f) => f.code === 'CX007')?.fix;
    expect(under(text, fix?.location.span)).toBe('/connect/ccp-v2');
  });

  it('a file holding only an application checks what it carries and names what it does not', () => {
    const [application] = JSON.parse(fixture('graph-defects.json'));
    const results = lintFile(JSON.stringify(application, null, 2));
    expect(results.map((r) => r.detected)).toEqual(['Microsoft Graph: application “Amazon Connect” (appId f3d8c2a1-7b64-4e2d-9c51-8a0b6e4d2f17)']);
    const notCarried = results[0]?.findings.filter((f) => f.messageId === 'notCarried').map((f) => f.data?.what);
    expect(notCarried).toEqual(expect.arrayContaining(['what the service principal sets (the relay state, the single sign-on mode)', 'the claim set (RoleSessionName, Role, SessionDuration)']));
    // The app roles are what the gallery app's default Role claim sends.
    // The missing claims are not a missing RoleSessionName: no AWS006.
    expect([...new Set(findingsOf(JSON.stringify(application)).map((f) => f.code))].sort()).toEqual(['AWS002', 'AWS014', 'AWS015', 'IDP001']);
  });

  it('a file holding only a claims mapping policy lints its claims', () => {
    const [, , policy] = JSON.parse(fixture('graph-defects.json'));
    const [result] = lintFile(JSON.stringify(policy));
    expect(result?.detected).toBe('Microsoft Graph: claims mapping policy “Amazon Connect claims”');
    expect(codes(JSON.stringify(policy))).toEqual(expect.arrayContaining(['AWS009/outOfRange', 'IDP004/joinedWithSpace']));
  });

  it('a Graph collection gives a result per app; objects with different appIds are apps apart', () => {
    const [application] = graph() as Array<Record<string, unknown>>;
    const other = { ...application, appId: '11111111-2222-4333-8444-555555555555', displayName: 'Other' };
    const collection = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications', value: [application, other] };
    const [first, second] = lintFile(JSON.stringify(collection));
    expect(first?.detected).toBe('Microsoft Graph: application “Amazon Connect” (appId f3d8c2a1-7b64-4e2d-9c51-8a0b6e4d2f17)');
    expect(second?.detected).toBe('Microsoft Graph: application “Other” (appId 11111111-2222-4333-8444-555555555555)');
  });

  it('an application of the tenant that is plainly not AWS is skipped, though its claims are not in the file', () => {
    const wiki = { appId: '22222222-3333-4444-8555-666666666666', displayName: 'Wiki', web: { redirectUris: ['https://wiki.example.com/saml/acs'] }, identifierUris: ['https://wiki.example.com'], appRoles: [] };
    const [result] = lintFile(JSON.stringify({ value: [wiki] }));
    expect(result?.detected).toMatch(/application “Wiki” .*not an AWS app/);
    expect(result?.findings).toEqual([]);
  });

  it('several Graph answers put together (`jq -s`), collections among them, make one app', () => {
    const [application, servicePrincipal, policy] = graph();
    const policies = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#policies/claimsMappingPolicies', value: [policy] };
    expect(codes(JSON.stringify([application, servicePrincipal, policies]))).toEqual(['IDP001/expression', ...NOT_CARRIED_SIGNING]);
  });

  it('the beta customClaimsPolicy: sourced attributes with transformations, value-based constants', () => {
    const policy = {
      '@odata.context': "https://graph.microsoft.com/beta/$metadata#servicePrincipals('2f6e9d14-8b3a-4c57-a0e1-9d4c7b2f5e38')/claimsPolicy/$entity",
      includeBasicClaimSet: true,
      claims: [
        { '@odata.type': '#microsoft.graph.customClaim', name: 'RoleSessionName', namespace: 'https://aws.amazon.com/SAML/Attributes', configurations: [{ attribute: { '@odata.type': '#microsoft.graph.sourcedAttribute', id: 'displayname', source: 'user' }, transformations: [{ '@odata.type': '#microsoft.graph.toLowercaseTransformation' }] }] },
        { '@odata.type': '#microsoft.graph.customClaim', name: 'SessionDuration', namespace: 'https://aws.amazon.com/SAML/Attributes', configurations: [{ attribute: { '@odata.type': '#microsoft.graph.valueBasedAttribute', value: '50400' } }] },
      ],
    };
    const [app] = readIdpConfig(JSON.stringify(policy))?.apps ?? [];
    expect(app?.label).toBe('claims policy');
    expect(app?.attributes.map((a) => [a.name, a.values[0]?.state === 'known' ? a.values[0].value : a.values[0]?.state === 'expression' && a.values[0].expression])).toEqual([
      [RSN, 'ToLowercase(user.displayname)'],
      [SESSION_DURATION, '50400'],
    ]);
    expect(codes(JSON.stringify(policy))).toEqual(expect.arrayContaining(['AWS009/outOfRange', 'IDP004/personName']));
  });

  it('a claims mapping policy supersedes the claims policy, and one nested in its service principal ($expand) counts', () => {
    const [application, servicePrincipal, policy] = graph() as Array<Record<string, unknown>>;
    const customPolicy = { '@odata.type': '#microsoft.graph.customClaimsPolicy', claims: [{ name: 'SessionDuration', namespace: 'https://aws.amazon.com/SAML/Attributes', configurations: [{ attribute: { value: '86400' } }] }] };
    expect(codes(JSON.stringify([application, servicePrincipal, customPolicy, policy]))).toEqual(['IDP001/expression', ...NOT_CARRIED_SIGNING]);
    const expanded = { ...servicePrincipal, claimsMappingPolicies: [policy] };
    expect(codes(JSON.stringify([application, expanded]))).toEqual(['IDP001/expression', ...NOT_CARRIED_SIGNING]);
  });

  it('Entra drops a #suffix from the identifier it sends as Audience', () => {
    const [application, ...rest] = graph() as Array<Record<string, unknown>>;
    const suffixed = { ...application, identifierUris: ['https://example-cc.my.connect.aws#2'] };
    const text = JSON.stringify([suffixed, ...rest], null, 2);
    const [app] = readIdpConfig(text)?.apps ?? [];
    expect(app?.audience).toMatchObject({ state: 'known', value: 'https://example-cc.my.connect.aws', verbatim: true });
    const audience = findingsOf(text).find((f) => f.code === 'AWS015');
    expect(under(text, audience?.location?.span)).toBe('https://example-cc.my.connect.aws');
  });

  it('JSON that only looks like Graph is read as before', () => {
    for (const text of ['{"value": [1]}', '{"value": []}', '[{"appId": "x"}]', '{"definition": ["{}"]}', '{"claims": "x"}']) {
      expect(readIdpConfig(text)).toBeUndefined();
    }
  });
});
