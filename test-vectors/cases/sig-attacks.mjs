// sig vectors of issue 11: IdP output samlint must take (C14N 1.1, ECDSA, signed Assertions in Advice)
// and the attack classes a verifier over one DOM must name (forged ID attributes, invented signatures,
// both signatures copied onto a forged document, unsigned SAML content next to signed content,
// look-alike Assertions, an EncryptedAssertion beside an unsigned one, documents made not well-formed
// after signing). The case shape is index.mjs's and sig.mjs's; one field is new here: `build`, for a
// document xmlsec1 signs in several steps. It gets `{ sign(xml, key?), signed(response, sign?, encrypt?) }`:
// `sign` is xmlsec1 signing the first ds:Signature template in document order, `signed` the generator's
// usual build. As in sig.mjs, everything is signed by xmlsec1 and then rewritten as text by
// lib/manipulate.mjs; nothing is signed by samlint. The xmlsec1 verdict each vector should get is in its
// description; generate.mjs records the real one in the manifest (`xmlsec1`).
import { DEFAULTS, RELAY_STATE, SIGNATURE_ALGORITHMS, buildResponse } from '../lib/response.mjs';
import {
  EVIL_ATTRIBUTES,
  EVIL_CONDITIONS,
  EVIL_SUBJECT,
  beforeAssertion,
  elementRange,
  forgedIdAttribute,
  intoExtensions,
  intoKeyInfo,
  intoResponse,
  intoSignatureObject,
  inventedSignature,
  lookAlikeAssertion,
  makeEvil,
  nulCharacterReference,
  rawLessThanInAttribute,
  xsw7NewId,
  xsw8NewId,
} from '../lib/manipulate.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
/** Where AWS takes encrypted assertions (as in encrypted.mjs), so the encrypted vector is about signatures only. */
const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0';
const AT_PROVIDER_ACS = { destination: PROVIDER_ACS, recipient: PROVIDER_ACS };

function sig(name, description, fields) {
  return { name, family: 'sig', description, ...fields, options: { ...connect, ...fields.options } };
}

/**
 * An Assertion whose saml:Advice holds two Assertions, each signed by xmlsec1 on its own with its own
 * ID, then the outer Assertion signed around them (its template comes first in document order, so
 * xmlsec1 signs it last, over the signed inner ones). node-saml's valid fixtures have this shape.
 */
function adviceWithSignedAssertions({ sign }) {
  const inner = (n) => {
    const id = `_advice${n}c3e5a7b9d1f2e4a6c8b0d${n}`;
    const response = buildResponse({
      sign: 'assertion',
      assertionId: id,
      subject: null,
      conditions: null,
      authnStatement: null,
      attributes: [['urn:example:advice:evidence', [`evidence ${n}`]]],
    });
    const signed = sign(response);
    return signed.slice(...elementRange(signed, 'saml:Assertion'));
  };
  const advice = `\n    <saml:Advice>${inner(1)}${inner(2)}</saml:Advice>`;
  const outer = buildResponse({ sign: 'assertion' });
  const withAdvice = outer.replace(/(<\/saml:Conditions>)/, `$1${advice}`);
  if (withAdvice === outer) throw new Error('no Conditions to put Advice after');
  return sign(withAdvice);
}

/**
 * An EncryptedAssertion (the generator's encrypt path: signed, then encrypted to keys/sp.crt) next to
 * a plaintext Assertion that nobody signed, carrying the attacker's RoleSessionName.
 */
function encryptedBesidePlaintext({ signed }) {
  const encrypted = signed({ ...AT_PROVIDER_ACS, assertionId: '_a-encrypted-b4d6f8a0c2e4' }, 'assertion', true);
  const plaintext = buildResponse({ ...AT_PROVIDER_ACS, sign: 'none' });
  const assertion = makeEvil(plaintext.slice(...elementRange(plaintext, 'saml:Assertion')));
  const edited = encrypted.replace('<saml:EncryptedAssertion>', `${assertion}\n  <saml:EncryptedAssertion>`);
  if (edited === encrypted) throw new Error('no EncryptedAssertion');
  return edited;
}

export const SIG_ATTACK_CASES = [
  // Genuine IdP output.
  sig('c14n11', 'Signed with Canonical XML 1.1 (http://www.w3.org/2006/12/xml-c14n11) for SignedInfo and the reference, as Okta’s developer IdP does; xmlsec1 verifies it', {
    response: { signatureAlgorithms: { canonicalization: C14N11, transforms: [SIGNATURE_ALGORITHMS.transforms[0], C14N11] } },
    expect: ['SIG008'],
  }),
  sig('ecdsa-p256', 'Signed with ECDSA P-256 and SHA-256 (ecdsa-sha256) by keys/ec256, which the vector trusts', {
    key: 'ec256',
    response: { signatureAlgorithms: { signature: ECDSA_SHA256 } },
    options: { certificates: ['keys/ec256.crt'] },
    expect: [],
  }),
  sig('advice-signed-assertions', 'An Assertion whose saml:Advice holds two Assertions, each signed with its own ID, the outer Assertion signed over them (node-saml’s valid fixtures have this shape); xmlsec1 verifies all three', {
    build: adviceWithSignedAssertions,
    // SAML006 warns about any Assertion outside the Response's children (its doc names Advice).
    expect: ['SAML006'],
  }),

  // Forged ID attributes: the reference must resolve by SAML's `ID` only.
  ...[
    ['Id', 'id-attribute-capital-i'],
    ['id', 'id-attribute-lower-case'],
    ['xml:id', 'id-attribute-xml-id'],
    ['wsu:Id', 'id-attribute-wsu-id'],
  ].map(([attribute, name]) =>
    sig(name, `A forged Assertion (the attacker’s RoleSessionName) replaces the signed one: it carries the signed ID value under \`${attribute}\` instead of \`ID\`, with a copy of the genuine Signature. The Reference resolves to nothing by SAML’s ID; a verifier that resolved it by \`${attribute}\` would digest the forgery (xmlsec1: ${attribute === 'xml:id' ? 'digest, as libxml2 itself takes xml:id for an ID' : 'reference'})`, {
      mangle: (xml) => forgedIdAttribute(xml, attribute),
      expect: ['SAML004', 'SIG003', 'XSD003', 'XSD004'],
    }),
  ),
  sig('signature-invented-no-key-info', 'A forged Assertion (the attacker’s RoleSessionName) with an invented DigestValue and SignatureValue and no KeyInfo; the IdP certificate is trusted as usual (xmlsec1: digest)', {
    mangle: inventedSignature,
    expect: ['SIG004', 'SIG005'],
  }),
  sig('both-signatures-on-forgery', 'Response and Assertion were signed; both Signatures are kept on a forged Response and Assertion (the attacker’s RoleSessionName, every ID kept) (xmlsec1: digest, digest)', {
    sign: 'both',
    mangle: makeEvil,
    expect: ['SIG004'],
  }),

  // Unsigned SAML content next to genuinely signed content (every signature verifies).
  sig('unsigned-subject-in-signature-object', 'A Subject with the attacker’s NameID in a ds:Object of the Assertion’s own Signature: the enveloped transform leaves it out of the digest, and it comes before the signed Subject in document order (xmlsec1: verified)', {
    mangle: (xml) => intoSignatureObject(xml, EVIL_SUBJECT),
    expect: ['SIG014'],
  }),
  sig('unsigned-attributes-in-key-info', 'An AttributeStatement (the attacker’s RoleSessionName, an admin Role) in the ds:KeyInfo of the Assertion’s Signature, next to X509Data (xmlsec1: verified)', {
    mangle: (xml) => intoKeyInfo(xml, EVIL_ATTRIBUTES),
    expect: ['SIG014'],
  }),
  sig('unsigned-conditions-in-extensions', 'Conditions valid until 2036 in samlp:Extensions of the unsigned Response, outside the signed Assertion (xmlsec1: verified)', {
    mangle: (xml) => intoExtensions(xml, EVIL_CONDITIONS),
    expect: ['SIG014'],
  }),
  sig('unsigned-attributes-under-response', 'An AttributeStatement (the attacker’s RoleSessionName, an admin Role) directly under the Response, after the signed Assertion (xmlsec1: verified)', {
    mangle: (xml) => intoResponse(xml, EVIL_ATTRIBUTES),
    expect: ['SIG014', 'XSD001'],
  }),
  sig('look-alike-assertion-saml1', 'An unsigned Assertion (new ID, the attacker’s RoleSessionName) in SAML 1.0’s namespace (urn:oasis:names:tc:SAML:1.0:assertion) before the signed one (xmlsec1: verified)', {
    mangle: (xml) => beforeAssertion(xml, lookAlikeAssertion(xml, 'saml1')),
    expect: ['SIG014', 'XSD001'],
  }),
  sig('look-alike-assertion-no-namespace', 'An unsigned Assertion (new ID, the attacker’s RoleSessionName) with no namespace at all before the signed one (xmlsec1: verified)', {
    mangle: (xml) => beforeAssertion(xml, lookAlikeAssertion(xml, 'no-namespace')),
    expect: ['SIG014', 'XSD001'],
  }),
  sig('look-alike-assertion-rebound-prefix', 'An unsigned saml:Assertion (new ID, the attacker’s RoleSessionName) inside a wrapper that rebinds the `saml` prefix to another URI, before the signed one (xmlsec1: verified)', {
    mangle: (xml) => beforeAssertion(xml, lookAlikeAssertion(xml, 'rebound-prefix')),
    expect: ['SIG014', 'XSD001'],
  }),
  sig('look-alike-assertion-lower-case', 'An unsigned `saml:assertion` (SAML 2.0’s namespace, lower-case local name; new ID, the attacker’s RoleSessionName) before the signed one (xmlsec1: verified)', {
    mangle: (xml) => beforeAssertion(xml, lookAlikeAssertion(xml, 'lower-case')),
    expect: ['SIG014', 'XSD006'],
  }),
  sig('xsw7-new-id', 'XSW7 with a new ID: the signed Assertion is untouched and samlp:Extensions holds an unsigned evil copy with another ID (xmlsec1: verified)', {
    mangle: xsw7NewId,
    expect: ['SAML006', 'SIG014'],
  }),
  sig('xsw8-new-id', 'XSW8 with a new ID: the signed Assertion is untouched and a ds:Object of its Signature holds an unsigned evil copy with another ID (xmlsec1: verified)', {
    mangle: xsw8NewId,
    expect: ['SAML006', 'SIG014'],
  }),

  // Encryption skip.
  sig('encrypted-beside-unsigned-assertion', 'An EncryptedAssertion (signed, then encrypted to keys/sp.crt; no decryption key given) next to a plaintext Assertion nobody signed, with the attacker’s RoleSessionName (xmlsec1: the document holds no visible signature)', {
    sign: 'none',
    build: encryptedBesidePlaintext,
    expect: ['SAML006', 'SIG001'],
  }),

  // Not well-formed after signing (libxml2 refuses both; xmlsec1: refused).
  sig('raw-less-than-in-attribute', 'A signed response whose Destination attribute value got a raw `<` after signing (XML 1.0: no `<` in attribute values)', {
    mangle: rawLessThanInAttribute,
    expect: ['XML001'],
  }),
  sig('nul-character-reference', 'A signed response whose NameID text got a `&#0;` character reference after signing (XML 1.0: U+0000 is not a legal character)', {
    mangle: (xml) => nulCharacterReference(xml, DEFAULTS.nameId),
    expect: ['XML001'],
  }),
];
