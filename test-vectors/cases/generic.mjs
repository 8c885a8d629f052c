// generic vectors: a response for a service provider other than AWS, linted with --profile generic and
// the SP described by --audience, --acs, --issuer and --in-response-to. Each changes one thing in the
// clean generic login. See index.mjs for the case shape.
import { DEFAULTS } from '../lib/response.mjs';

const bearer = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
export const SP = {
  audience: 'https://sp.example.com/saml/metadata',
  acs: 'https://sp.example.com/saml/acs',
  issuer: DEFAULTS.issuer,
  inResponseTo: '_req9c1e4f2a7b3d5e6f',
};
const OTHER_IDP = 'http://www.okta.com/exk9z8y7x6w5v4u3t2s1';
export const generic = { profile: 'generic', sp: SP };
const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';

/** Response options of the clean generic login, some changed (`confirmation` changes its bearer confirmation). */
export function login(changes = {}, confirmation = {}) {
  return {
    destination: SP.acs,
    audiences: [SP.audience],
    attributes: [{ name: MAIL, values: ['jane.doe@example.com'] }],
    subjectConfirmations: [
      { method: bearer, recipient: SP.acs, notOnOrAfter: DEFAULTS.confirmationNotOnOrAfter, inResponseTo: SP.inResponseTo, ...confirmation },
    ],
    ...changes,
  };
}

export const GENERIC_CASES = [
  {
    name: 'generic-sp-clean',
    family: 'generic',
    description: 'A clean SP-initiated login for a generic service provider: no finding',
    response: login(),
    options: generic,
    expect: [],
  },
  {
    name: 'audience-other-sp',
    family: 'generic',
    description: 'The Audience is another service provider’s entity ID',
    response: login({ audiences: ['https://other.example.com/saml/metadata'] }),
    options: generic,
    expect: ['SAML018'],
  },
  {
    name: 'recipient-other-acs',
    family: 'generic',
    description: 'The bearer Recipient is another ACS URL, while Destination is the SP’s',
    response: login({}, { recipient: 'https://sp.example.com/saml/acs/legacy' }),
    options: generic,
    expect: ['SAML017', 'SAML019'],
  },
  {
    name: 'destination-other-acs',
    family: 'generic',
    description: 'The Response Destination is another ACS URL, while the Recipient is the SP’s',
    response: login({ destination: 'https://sp.example.com/saml/acs/legacy' }),
    options: generic,
    expect: ['SAML017', 'SAML020'],
  },
  {
    name: 'issuer-other-idp',
    family: 'generic',
    description: 'Response and Assertion Issuer name another IdP application than the one the SP trusts',
    response: login({ issuer: OTHER_IDP, responseIssuer: OTHER_IDP }),
    options: generic,
    expect: ['SAML022'],
  },
  {
    name: 'in-response-to-other-request',
    family: 'generic',
    description: 'The bearer InResponseTo names another AuthnRequest (a stale tab)',
    response: login({}, { inResponseTo: '_req0b1d2f3a4c5e6a7b8' }),
    options: generic,
    expect: ['SAML023'],
  },
  {
    name: 'attribute-name-duplicate',
    family: 'generic',
    description: 'The mail attribute is sent twice, by two attribute mappings',
    response: login({
      attributes: [
        { name: MAIL, values: ['jane.doe@example.com'] },
        { name: MAIL, values: ['j.doe@example.com'] },
      ],
    }),
    options: generic,
    expect: ['SAML024'],
  },
  {
    name: 'attribute-statement-missing',
    family: 'generic',
    description: 'The Assertion carries no AttributeStatement',
    response: login({ attributes: [] }),
    options: generic,
    expect: ['SAML028'],
  },
  {
    name: 'nameid-sp-name-qualifier-other-sp',
    family: 'generic',
    description: 'The persistent NameID is qualified for another service provider',
    response: login({ nameIdSpNameQualifier: 'https://other.example.com/saml/metadata' }),
    options: generic,
    expect: ['SAML029'],
  },
];
