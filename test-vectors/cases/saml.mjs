// saml vectors: see index.mjs for the case shape. Each changes one thing in the clean Connect login.
import { ACS, RELAY_STATE, withAttributes, AWS } from '../lib/response.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };
const bearer = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0';

/** An encrypted SAML element as an IdP sends it; the cipher values are placeholders, nobody decrypts them. */
function encrypted(element, cipherValue) {
  return (
    `<saml:${element}><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>' +
    '<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep"/>' +
    '<xenc:CipherData><xenc:CipherValue>cGxhY2Vob2xkZXIta2V5</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>' +
    `<xenc:CipherData><xenc:CipherValue>${cipherValue}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:${element}>`
  );
}
const ENCRYPTED_ASSERTION = `\n  ${encrypted('EncryptedAssertion', 'cGxhY2Vob2xkZXItYXNzZXJ0aW9u')}`;
const ENCRYPTED_ATTRIBUTE = `\n    <saml:AttributeStatement>${encrypted('EncryptedAttribute', 'cGxhY2Vob2xkZXItYXR0cmlidXRl')}</saml:AttributeStatement>`;

export const SAML_CASES = [
  {
    name: 'status-responder-request-denied',
    family: 'saml',
    description: 'The IdP answers Responder/RequestDenied with a StatusMessage and no assertion (user not assigned)',
    sign: 'response',
    response: {
      statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
      statusSubCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied',
      statusMessage: 'User is not assigned to this application',
      assertionCount: 0,
    },
    options: connect,
    expect: ['SAML002'],
  },
  {
    name: 'assertion-version-1-1',
    family: 'saml',
    description: 'The Assertion says Version="1.1" inside a SAML 2.0 Response',
    response: { assertionVersion: '1.1' },
    options: connect,
    expect: ['SAML003'],
  },
  {
    name: 'assertion-id-missing',
    family: 'saml',
    description: 'The Assertion has no ID (the Response, which has one, is signed)',
    sign: 'response',
    response: { assertionId: null },
    options: connect,
    expect: ['SAML004', 'SIG002', 'XSD003'],
  },
  {
    name: 'assertion-issuer-missing',
    family: 'saml',
    description: 'The Assertion has no Issuer (the Response still has one)',
    response: { issuer: null },
    options: connect,
    expect: ['SAML005', 'XSD002'],
  },
  {
    name: 'two-assertions',
    family: 'saml',
    description: 'The Response holds two Assertions, both direct children',
    sign: 'response',
    response: { assertionCount: 2 },
    options: connect,
    expect: ['SAML006'],
  },
  {
    name: 'encrypted-assertion',
    family: 'saml',
    description: 'A signed Response with an EncryptedAssertion posted to the provider-specific ACS',
    sign: 'response',
    response: { assertionCount: 0, destination: PROVIDER_ACS, responseExtra: ENCRYPTED_ASSERTION },
    options: connect,
    expect: ['SAML006'],
  },
  {
    name: 'nameid-missing',
    family: 'saml',
    description: 'The Subject has a bearer confirmation but no NameID',
    response: { nameId: null },
    options: connect,
    expect: ['SAML007'],
  },
  {
    name: 'nameid-format-saml2-email',
    family: 'saml',
    description: 'The NameID Format is the emailAddress URI with SAML:2.0 instead of SAML:1.1',
    response: { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress' },
    options: connect,
    expect: ['SAML008'],
  },
  {
    name: 'nameid-format-saml2-unspecified',
    family: 'saml',
    description: 'The NameID Format is `unspecified` under SAML:2.0, the default of Okta’s AWS app, which AWS accepts',
    response: { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified' },
    options: connect,
    expect: [],
  },
  {
    name: 'nameid-email',
    family: 'saml',
    description: 'The NameID is the user’s email address (emailAddress format)',
    response: { nameId: 'jane.doe@example.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
    options: connect,
    expect: ['SAML009'],
  },
  {
    name: 'two-bearer-confirmations',
    family: 'saml',
    description: 'Two bearer SubjectConfirmations, both complete and both for the AWS sign-in endpoint',
    response: {
      subjectConfirmations: [
        { method: bearer, recipient: ACS, notOnOrAfter: '2026-11-27T09:05:00Z' },
        { method: bearer, recipient: ACS, notOnOrAfter: '2026-11-27T09:05:00Z' },
      ],
    },
    options: connect,
    expect: ['SAML010'],
  },
  {
    name: 'confirmation-not-on-or-after-missing',
    family: 'saml',
    description: 'The bearer SubjectConfirmationData has a Recipient but no NotOnOrAfter',
    response: { confirmationNotOnOrAfter: null },
    options: connect,
    expect: ['SAML011'],
  },
  {
    name: 'assertion-expired',
    family: 'saml',
    description: 'Linted 312 s after the Conditions and bearer NotOnOrAfter (a replayed capture)',
    options: { ...connect, now: '2026-11-27T09:10:12Z' },
    expect: ['SAML012'],
  },
  {
    name: 'assertion-not-yet-valid',
    family: 'saml',
    description: 'Conditions NotBefore 150 s after --now: the IdP clock runs ahead',
    response: { notBefore: '2026-11-27T09:03:00Z' },
    options: connect,
    expect: ['SAML013'],
  },
  {
    name: 'session-not-on-or-after-passed',
    family: 'saml',
    description: 'SessionNotOnOrAfter 90 s before --now',
    response: { sessionNotOnOrAfter: '2026-11-27T08:59:00Z' },
    options: connect,
    expect: ['SAML014'],
  },
  {
    name: 'session-capped-below-duration',
    family: 'saml',
    description: 'SessionNotOnOrAfter one hour after issue while SessionDuration asks for 12 hours (info)',
    response: { sessionNotOnOrAfter: '2026-11-27T10:00:00Z' },
    options: connect,
    expect: ['SAML014'],
  },
  {
    name: 'time-value-not-xs-datetime',
    family: 'saml',
    description: 'Conditions NotOnOrAfter written with a space instead of T, and a bearer NotBefore',
    response: {
      notOnOrAfter: '2026-11-27 09:05:00',
      subjectConfirmations: [
        { method: bearer, recipient: ACS, notBefore: '2026-11-27T08:55:00Z', notOnOrAfter: '2026-11-27T09:05:00Z' },
      ],
    },
    options: connect,
    expect: ['SAML015', 'XSD005'],
  },
  {
    name: 'audience-restriction-missing',
    family: 'saml',
    description: 'Conditions without an AudienceRestriction',
    response: { audiences: null },
    options: connect,
    expect: ['SAML016'],
  },
  {
    name: 'destination-global-recipient-regional',
    family: 'saml',
    description: 'Destination is the global sign-in endpoint while the bearer Recipient is the regional one',
    response: { destination: 'https://signin.aws.amazon.com/saml' },
    options: connect,
    expect: ['SAML017'],
  },
  {
    name: 'session-duration-absent-capped',
    family: 'saml',
    description: 'No SessionDuration, and SessionNotOnOrAfter 30 minutes after issue: below the STS one-hour default (info)',
    response: {
      sessionNotOnOrAfter: '2026-11-27T09:30:00Z',
      attributes: withAttributes({ [AWS.sessionDuration]: null }),
    },
    options: connect,
    expect: ['SAML014'],
  },
  {
    name: 'saml-1-1-response',
    family: 'saml',
    description: 'A SAML 1.1 Response (MajorVersion 1, MinorVersion 1) from an IdP application set up for SAML 1.1',
    xml: () =>
      '<Response xmlns="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1" ResponseID="_r1" IssueInstant="2026-11-27T09:00:00Z" Recipient="https://signin.aws.amazon.com/saml">\n' +
      '  <Status><StatusCode Value="samlp:Success"/></Status>\n</Response>\n',
    expect: ['SAML001'],
  },
  {
    name: 'destination-empty',
    family: 'saml',
    description: 'The Response carries Destination="" (a template that writes the attribute with no value)',
    response: { destination: '' },
    options: connect,
    expect: ['SAML021'],
  },
  {
    name: 'encrypted-attribute',
    family: 'saml',
    description: 'The signed Assertion adds an AttributeStatement with one EncryptedAttribute',
    response: { assertionExtra: ENCRYPTED_ATTRIBUTE },
    options: connect,
    expect: ['SAML025'],
  },
  {
    name: 'encrypted-assertion-without-method',
    family: 'saml',
    description: 'An EncryptedAssertion whose EncryptedData has no EncryptionMethod, in a signed Response',
    sign: 'response',
    response: {
      assertionCount: 0,
      destination: PROVIDER_ACS,
      responseExtra: ENCRYPTED_ASSERTION.replace('<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>', ''),
    },
    options: connect,
    expect: ['SAML006', 'SAML026'],
  },
  {
    name: 'authn-statement-missing',
    family: 'saml',
    description: 'The Assertion has no AuthnStatement (a warning for AWS, which documents none)',
    response: { authnStatement: null },
    options: connect,
    expect: ['SAML027'],
  },
];
