import { DEFAULTS, RELAY_STATE } from '../lib/response.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };
// Full context for the clean vectors: the expected IdP too, as --issuer (or --metadata) gives it,
// and the role's trust and permission policies.
const issuer = { sp: { issuer: DEFAULTS.issuer } };
const policies = { trustPolicy: 'policies/trust-regional.json', permissionPolicy: 'policies/permission-user-resource.json' };

export const CAPTURE_CASES = [
  {
    name: 'clean-signed-both',
    family: 'clean',
    description: 'A clean Amazon Connect login, Response and Assertion signed: no finding at all',
    sign: 'both',
    options: { ...connect, ...issuer, ...policies },
    expect: [],
  },
  {
    name: 'clean-form-body',
    family: 'clean',
    description: 'The clean login as the browser posted it (form body with RelayState)',
    capture: 'form',
    options: { users: 'users/connect-users.csv', ...issuer, ...policies },
    expect: [],
  },
  {
    name: 'clean-base64-wrapped',
    family: 'clean',
    description: 'The clean login as base64 wrapped at 76 columns and quoted',
    capture: 'base64-wrapped',
    options: { ...connect, ...issuer, ...policies },
    expect: [],
  },
  {
    name: 'empty',
    family: 'capture',
    description: 'An empty paste',
    xml: () => '',
    capture: 'text',
    expect: ['IN001'],
  },
  {
    name: 'relay-state-only',
    family: 'capture',
    description: 'A form body with only the RelayState field copied',
    xml: () => 'RelayState=https%3A%2F%2Feu-west-2.console.aws.amazon.com%2Fconnect%2Ffederate%2F0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b',
    capture: 'text',
    expect: ['IN001'],
  },
  {
    name: 'base64-invalid-character',
    family: 'capture',
    description: 'A base64 value with a stray character pasted into it',
    capture: 'base64',
    mangle: (text) => `${text.slice(0, 200)}*${text.slice(200)}`,
    expect: ['IN002'],
  },
  {
    name: 'truncated',
    family: 'capture',
    description: 'A base64 value cut short by a log line limit',
    capture: 'base64',
    mangle: (text) => text.slice(0, 1999),
    expect: ['IN003', 'XML001'],
  },
  {
    name: 'base64-unpadded',
    family: 'capture',
    description: 'A whole signed response whose base64 has its `=` padding stripped (as Okta Identity Engine posts it): not cut short',
    capture: 'base64',
    // A document whose length is a multiple of 3 has no padding to strip: a newline after its root gives it some.
    mangle: (text) => (text.endsWith('=') ? text : Buffer.from(`${Buffer.from(text, 'base64').toString('utf8')}\n`).toString('base64')).replace(/=+$/, ''),
    options: connect,
    expect: [],
  },
  {
    name: 'redirect-deflate',
    family: 'capture',
    description: 'A response raw-deflated as in the HTTP-Redirect binding',
    capture: 'deflate',
    options: connect,
    expect: ['IN004'],
  },
  {
    name: 'double-encoded-value',
    family: 'capture',
    description: 'A form body whose SAMLResponse value was URL-encoded twice',
    capture: 'form',
    mangle: (text) => text.replace(/SAMLResponse=([^&]*)/, (_, v) => `SAMLResponse=${encodeURIComponent(v)}`),
    options: { users: 'users/connect-users.csv' },
    expect: ['IN005'],
  },
  {
    name: 'saml-response-repeated',
    family: 'capture',
    description: 'A form body whose SAMLResponse field was appended a second time after the RelayState (a proxy or script duplicated it)',
    capture: 'form',
    mangle: (text) => `${text}&${/SAMLResponse=[^&]*/.exec(text)[0]}`,
    options: { users: 'users/connect-users.csv' },
    expect: ['IN016'],
  },
  {
    name: 'responses-back-to-back',
    family: 'capture',
    description: 'One base64 value holding two signed Responses one after the other (seen in an Entra ID capture): samlint lints the first',
    capture: 'base64',
    build: ({ signed }) =>
      signed({}) + signed({ responseId: '_r9d1e5b7c3a2f04e6b8d0c12', assertionId: '_a4c6e8f0b2d4f6a8c0e2b4d6', nameId: '00u9z8y7x6w5v4u3t2s1' }),
    options: connect,
    expect: ['IN017'],
  },
  {
    name: 'too-large',
    family: 'capture',
    description: 'A response with so many group attributes that its base64 exceeds AWS’s 100,000 characters',
    capture: 'base64',
    response: {
      attributes: [
        ['https://aws.amazon.com/SAML/Attributes/Role', ['arn:aws:iam::123456789012:role/ConnectAgent,arn:aws:iam::123456789012:saml-provider/ExampleIdP']],
        ['https://aws.amazon.com/SAML/Attributes/RoleSessionName', ['jane.doe@example.com']],
        ['http://schemas.xmlsoap.org/claims/Group', Array.from({ length: 1500 }, (_, i) => `CN=Group ${i},OU=Groups,DC=example,DC=com`)],
      ],
    },
    options: connect,
    expect: ['IN006'],
  },
  {
    name: 'not-xml',
    family: 'capture',
    description: 'A base64 value that decodes to a JSON token, not XML',
    xml: () => '{"sub":"jane.doe@example.com","aud":"urn:amazon:webservices","iat":1795770000,"pad":"xxxxxxxx"}',
    capture: 'base64',
    expect: ['IN007'],
  },
  {
    name: 'saml-request',
    family: 'capture',
    description: 'A form body carrying a SAMLRequest instead of a SAMLResponse',
    capture: 'form',
    mangle: (text) => text.replace('SAMLResponse=', 'SAMLRequest='),
    expect: ['IN008'],
  },
  {
    name: 'users-list-unreadable',
    family: 'capture',
    description: 'A clean login linted with a user list that has no user-login column',
    options: { relayState: RELAY_STATE, users: 'users/no-login-column.csv' },
    expect: ['IN009'],
  },
  {
    name: 'trust-unreadable',
    family: 'capture',
    description: 'A clean login checked against a --cert file that is not a certificate (the user list)',
    options: { relayState: RELAY_STATE, users: 'users/connect-users.csv', certificates: ['users/connect-users.csv'] },
    expect: ['IN010'],
  },
  {
    name: 'trust-metadata-is-sp',
    family: 'capture',
    description: 'A clean login checked against --metadata that is AWS’s SP metadata, not the IdP’s (reported in the metadata file)',
    options: { relayState: RELAY_STATE, users: 'users/connect-users.csv', certificates: [], metadata: 'metadata/aws-sp-metadata.xml' },
    expect: ['MD005'],
  },
  {
    name: 'not-well-formed',
    family: 'xml',
    description: 'Decoded XML with a raw ampersand in an attribute value (an unescaped IdP template)',
    xml: () =>
      '<?xml version="1.0"?>\n<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0">\n  <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">Smith & Sons IdP</saml:Issuer>\n</samlp:Response>\n',
    expect: ['XML001'],
  },
  {
    name: 'doctype-billion-laughs',
    family: 'xml',
    description: 'A billion-laughs DOCTYPE: refused before any entity is expanded',
    xml: () =>
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&lol3;</samlp:Response>\n',
    expect: ['XML002'],
  },
  {
    name: 'too-deep',
    family: 'xml',
    description: 'An attribute value nested 200 elements deep',
    xml: () =>
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${'<x>'.repeat(200)}${'</x>'.repeat(200)}</samlp:Response>`,
    expect: ['XML003'],
  },
  {
    name: 'authn-request',
    family: 'saml',
    description: 'An AuthnRequest pasted where a Response was expected',
    xml: () =>
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_req1" Version="2.0" IssueInstant="2026-11-27T09:00:00Z"/>\n',
    expect: ['SAML001'],
  },
];
