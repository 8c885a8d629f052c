import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/index.js';
import { readIdpConfig } from '../../src/idp-config/read.js';

const DIR = join(__dirname, '../../../../test-vectors/idp-config/keycloak');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const findingCodes = (text: string) => lintFile(text).flatMap((r) => r.findings.map((f) => `${f.code}/${f.messageId}`));

describe('Keycloak realm and client exports', () => {
  it('a realm export gives a result per SAML client; OpenID Connect clients are not read', () => {
    expect(lintFile(fixture('realm-clean.json')).map((r) => r.detected)).toEqual(['Keycloak realm export: Keycloak client “urn:amazon:webservices”']);
  });

  it('the role-list mapper sends the client’s role names; a user property mapper is an expression', () => {
    const [client] = readIdpConfig(fixture('realm-clean.json'))?.apps ?? [];
    const byName = (suffix: string) => client?.attributes.find((a) => a.name.endsWith(suffix))?.values;
    expect(byName('/Role')).toMatchObject([{ state: 'known', value: 'arn:aws:iam::123456789012:role/ConnectFederation,arn:aws:iam::123456789012:saml-provider/Keycloak' }]);
    expect(byName('/RoleSessionName')).toMatchObject([{ state: 'expression', expression: 'user property username' }]);
    expect(client?.audience).toMatchObject({ state: 'known', value: 'urn:amazon:webservices' });
    expect(client?.signing.assertionSigned).toMatchObject({ state: 'known', value: true });
  });

  it('a clean realm gives no error', () => {
    expect(findingCodes(fixture('realm-clean.json'))).toEqual(['IDP001/expression']);
  });

  it('the defects are found by the same rules as in a response, and by the configuration’s own', () => {
    expect(findingCodes(fixture('realm-defects.json')).sort()).toEqual([
      'AWS002/notPair',
      'AWS009/notInteger',
      'AWS014/notSignIn',
      'IDP001/expression',
      'IDP002/assertionUnsigned',
      'IDP003/signature',
    ]);
  });

  it('signing attributes left out of an export are named as not checked, not judged', () => {
    const text = fixture('realm-clean.json').replace(/\s*"saml\.(server|assertion)\.signature": "true",/g, '');
    const messages = lintFile(text).flatMap((r) => r.findings).filter((f) => f.messageId === 'notCarried').map((f) => f.data.what);
    expect(messages).toEqual(['assertion signing', 'response signing']);
  });

  it('one client’s export is read on its own', () => {
    const realm = JSON.parse(fixture('realm-clean.json')) as { clients: unknown[] };
    const [result] = lintFile(JSON.stringify(realm.clients[1], null, 2));
    expect(result?.detected).toBe('Keycloak client export: Keycloak client “urn:amazon:webservices”');
    // Without the realm, the role-list mapper's roles are unknown: an expression, not a missing Role.
    expect(result?.findings.map((f) => `${f.code}/${f.messageId}`).sort()).toEqual(['IDP001/expression', 'IDP001/expression']);
  });
});
