// sig vectors: see index.mjs for the case shape. Two fields are theirs: `key` names the key pair in
// keys/ that xmlsec1 signs with ('idp' unless said; keys/make-keys.sh documents each), and
// `response.signatureAlgorithms` changes the algorithms of the signature templates. Every hostile
// vector is signed by xmlsec1 first and then rewritten as text by lib/manipulate.mjs (`mangle`): nothing
// here is signed by samlint. Vectors trust keys/idp.crt unless `options.certificates` says otherwise.
import { DEFAULTS, RELAY_STATE, SIGNATURE_ALGORITHMS, defaultAttributes } from '../lib/response.mjs';
import {
  ATTACKER_SESSION_NAME,
  VICTIM_SESSION_NAME,
  appendUnsignedAssertion,
  cdataInValue,
  damageSignatureValue,
  replaceOnce,
  signatureIntoExtensions,
  splitValue,
  xsw1,
  xsw2,
  xsw3,
  xsw4,
  xsw5,
  xsw6,
  xsw7,
  xsw8,
} from '../lib/manipulate.mjs';
import { SIG_ATTACK_CASES } from './sig-attacks.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

/** A case signed by xmlsec1 (the Assertion unless `sign` says otherwise), then rewritten by `mangle`. */
function sig(name, description, fields) {
  return { name, family: 'sig', description, ...fields, options: { ...connect, ...fields.options } };
}

export const SIG_CASES = [
  sig('response-unsigned', 'The IdP signs nothing: no ds:Signature anywhere', { sign: 'none', expect: ['SIG001'] }),
  sig('assertion-unsigned', 'Only the Response is signed; the Assertion has no signature of its own', {
    sign: 'response',
    expect: ['SIG002'],
  }),
  sig('reference-missing', 'A proxy renamed the signed Assertion’s ID after signing: the Reference URI points at nothing', {
    mangle: (xml) => replaceOnce(xml, `ID="${DEFAULTS.assertionId}"`, 'ID="_a-renamed-by-a-proxy"'),
    expect: ['SIG003'],
  }),
  sig('duplicated-id', 'The Response was given the signed Assertion’s ID after signing: the Reference names two elements', {
    mangle: (xml) => replaceOnce(xml, `ID="${DEFAULTS.responseId}"`, `ID="${DEFAULTS.assertionId}"`),
    expect: ['SIG003', 'XSD005'],
  }),
  sig('digest-mismatch', 'The RoleSessionName was edited after signing (another agent’s name)', {
    mangle: (xml) => replaceOnce(xml, `>${VICTIM_SESSION_NAME}<`, `>${ATTACKER_SESSION_NAME}<`),
    expect: ['SIG004'],
  }),
  sig('signature-value-mismatch', 'One character of the SignatureValue was changed after signing; the digests still match', {
    mangle: damageSignatureValue,
    expect: ['SIG005'],
  }),
  sig('signature-value-reused', 'Another agent’s RoleSessionName with a SignedInfo whose digest fits it, and the SignatureValue of the genuine response', {
    // Both signed by xmlsec1 with the IdP's key: the edited login's SignedInfo (its digest holds), then
    // the genuine login's SignatureValue in its place. Linted after the genuine response, a verdict
    // remembered by signature value alone would pass it (sig/crypto.ts keys verdicts by the exact text).
    build: ({ signed }) => {
      const genuine = /<ds:SignatureValue>([^<]*)</.exec(signed({}))?.[1] ?? '';
      const edited = signed({ attributes: defaultAttributes().map(([name, values]) => [name, values.map((v) => (v === VICTIM_SESSION_NAME ? ATTACKER_SESSION_NAME : v))]) });
      return edited.replace(/(<ds:SignatureValue>)[^<]*/, (_, tag) => `${tag}${genuine}`);
    },
    expect: ['SIG005'],
  }),
  sig('certificate-rotated', 'The IdP rotated to a new key (keys/rotated) while the IAM provider still holds keys/idp.crt', {
    key: 'rotated',
    expect: ['SIG006'],
  }),
  sig('rsa-sha1', 'Signed with RSA-SHA1 and a SHA-1 digest (an old ADFS relying-party default)', {
    response: { signatureAlgorithms: { signature: `${DSIG}rsa-sha1`, digest: `${DSIG}sha1` } },
    expect: ['SIG007'],
  }),
  sig('rsa-ripemd160', 'Signed by xmlsec1 with RSA-RIPEMD160 and a RIPEMD-160 digest: registered algorithms samlint does not implement', {
    response: {
      signatureAlgorithms: { signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-ripemd160', digest: 'http://www.w3.org/2001/04/xmlenc#ripemd160' },
    },
    expect: ['SIG015'],
  }),
  sig('inclusive-c14n', 'Signed with inclusive C14N 1.0 for SignedInfo and the reference, instead of exclusive C14N', {
    response: {
      signatureAlgorithms: { canonicalization: INCLUSIVE_C14N, transforms: [SIGNATURE_ALGORITHMS.transforms[0], INCLUSIVE_C14N] },
    },
    expect: ['SIG008'],
  }),
  sig('weak-key-1024', 'Signed with a 1024-bit RSA key, which AWS accepts (trusted: keys/weak1024.crt)', {
    key: 'weak1024',
    options: { certificates: ['keys/weak1024.crt'] },
    expect: ['SIG009'],
  }),
  sig('weak-key-512', 'Signed with a 512-bit RSA key, under AWS’s 1024-bit minimum (trusted: keys/weak512.crt)', {
    key: 'weak512',
    options: { certificates: ['keys/weak512.crt'] },
    expect: ['SIG009'],
  }),
  sig('certificate-expired', 'Signed with a certificate that expired in 2021, which AWS ignores (trusted: keys/expired.crt)', {
    key: 'expired',
    options: { certificates: ['keys/expired.crt'] },
    expect: ['SIG010'],
  }),
  sig('xsw1-response-cloned-into-signature', 'XSW1: the signed Response (minus its Signature) is copied into its own Signature; the root Response gets a new ID and the attacker’s RoleSessionName', {
    sign: 'response',
    mangle: xsw1,
    expect: ['SAML006', 'SIG003', 'SIG013', 'XSD001', 'XSD005'],
  }),
  sig('xsw2-response-cloned-before-signature', 'XSW2: as XSW1, but the copy of the signed Response sits just before the Signature, as a detached signature’s target', {
    sign: 'response',
    mangle: xsw2,
    expect: ['SAML006', 'SIG003', 'SIG013', 'XSD001', 'XSD005'],
  }),
  sig('xsw3-evil-assertion-before', 'XSW3: an unsigned Assertion with a new ID and the attacker’s RoleSessionName is inserted before the signed one', {
    mangle: xsw3,
    expect: ['SAML006', 'SIG011'],
  }),
  sig('xsw4-evil-assertion-wraps', 'XSW4: the unsigned evil Assertion (new ID) takes the signed one’s place and holds it as its last child', {
    mangle: xsw4,
    expect: ['SAML006', 'SIG011', 'XSD001'],
  }),
  sig('xsw5-signature-in-evil-assertion', 'XSW5: the signed Assertion is edited and renamed in place, keeping its Signature; an unsigned copy of the original is appended to the Response', {
    mangle: xsw5,
    expect: ['SAML006', 'SIG003', 'SIG011'],
  }),
  sig('xsw6-original-inside-signature', 'XSW6: as XSW5, but the unsigned copy of the original Assertion sits inside the evil Assertion’s Signature', {
    mangle: xsw6,
    expect: ['SAML006', 'SIG003', 'SIG013', 'XSD001'],
  }),
  sig('xsw7-evil-assertion-in-extensions', 'XSW7: a samlp:Extensions element holds an unsigned evil copy of the Assertion that keeps its ID', {
    mangle: xsw7,
    expect: ['SAML006', 'SIG003', 'XSD005'],
  }),
  sig('xsw8-original-in-signature-object', 'XSW8: the signed Assertion is edited in place (same ID); an unsigned copy of the original sits in a ds:Object of its Signature', {
    mangle: xsw8,
    expect: ['SAML006', 'SIG003', 'XSD005'],
  }),
  sig('unsigned-assertion-appended', 'A second, unsigned Assertion (another ID, the attacker’s RoleSessionName) follows the signed one', {
    mangle: appendUnsignedAssertion,
    expect: ['SAML006', 'SIG011'],
  }),
  sig('signature-in-extensions', 'The Assertion’s Signature was moved into samlp:Extensions of the Response; it still verifies over the Assertion', {
    mangle: signatureIntoExtensions,
    expect: ['SIG003'],
  }),
  sig('comment-in-nameid', 'A comment injected into the NameID after signing; exclusive C14N drops comments, so the digest still matches', {
    mangle: (xml) => splitValue(xml, DEFAULTS.nameId, 8, '<!---->'),
    expect: ['SIG012'],
  }),
  sig('comment-in-role-session-name', 'A comment injected into the RoleSessionName after signing: its first text node reads `jane.doe@`', {
    mangle: (xml) => splitValue(xml, VICTIM_SESSION_NAME, 9, '<!---->'),
    expect: ['SIG012'],
  }),
  sig('cdata-in-nameid', 'Part of the NameID rewritten as a CDATA section after signing; C14N turns it back into text, so the digest matches', {
    mangle: (xml) => cdataInValue(xml, DEFAULTS.nameId, 8, 12),
    expect: ['SIG012'],
  }),
  sig('signature-value-empty', 'An IdP plug-in emitted its signature template with an empty SignatureValue', {
    mangle: (xml) => xml.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '<ds:SignatureValue></ds:SignatureValue>'),
    expect: ['SIG013'],
  }),
  sig('signature-without-key', 'The Signature has no KeyInfo and no certificate is trusted: nothing to verify it with', {
    mangle: (xml) => xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, ''),
    options: { certificates: [] },
    expect: ['SIG013'],
  }),
  // Issue 11: C14N 1.1, ECDSA, signed Advice, and the attack classes a verifier over one DOM must name.
  ...SIG_ATTACK_CASES,
];
