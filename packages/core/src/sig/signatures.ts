import { SignedXml, type Reference } from 'xml-crypto';
import { NS, attribute, childElements, firstChild, isElement, textOf } from '../xml/dom.js';
import type { XmlDocument } from '../xml/parse.js';
import { certificateFromBase64, type Certificate } from './certificates.js';

/**
 * - `valid`: a trusted certificate verifies it, and every reference's digest matches.
 * - `intact`: no certificate is trusted (no --cert or --metadata), but the certificate in its own
 *   KeyInfo verifies it: the content is unchanged since signing, the signer unknown.
 * - `digest-mismatch`: a referenced element changed after signing.
 * - `signature-mismatch`: the digests match, but no key at hand verifies the SignatureValue.
 * - `reference-missing`: a reference points at no element.
 * - `unverifiable`: digests match, but there is neither a trusted certificate nor one in KeyInfo.
 * - `malformed`: the Signature cannot be processed (structure, algorithm, duplicated IDs…).
 */
export type SignatureStatus =
  | 'valid'
  | 'intact'
  | 'digest-mismatch'
  | 'signature-mismatch'
  | 'reference-missing'
  | 'unverifiable'
  | 'malformed';

export interface ReferenceInfo {
  element: Element;
  uri: string;
  /** Elements of the document whose ID, Id or id attribute is what the URI names. */
  targets: Element[];
  transforms: string[];
  digestMethod?: string;
}

export interface SignatureInfo {
  element: Element;
  /** The element the Signature sits in. */
  parent?: Element;
  canonicalizationMethod?: string;
  signatureMethod?: string;
  references: ReferenceInfo[];
  keyInfoCertificates: Certificate[];
  status: SignatureStatus;
  /** xml-crypto's words when it refused the signature. */
  detail?: string;
  verifiedWith?: Certificate;
  /**
   * Elements of samlint's own document proven to be what the signature covers: their canonical
   * form is byte-identical to the signed reference xml-crypto verified (docs/decisions/0001).
   */
  covers: Element[];
  /** A signed reference whose bytes differ from samlint's node: the two parses disagree. */
  differential: boolean;
}

/**
 * A SAML response carries one or two signatures (Response, Assertion). Each verification re-parses
 * the whole document inside xml-crypto, so beyond this many the rest are reported, not verified:
 * a response stuffed with signatures cannot make samlint quadratic.
 */
export const MAX_VERIFIED_SIGNATURES = 2;

const SAML_ID = 'ID';

/** The attributes that can carry an ID, for finding duplicates: SAML's `ID` and the `Id`, `id` others use. */
const ID_ATTRIBUTES = new Set(['ID', 'Id', 'id']);

/** Every element carrying an ID, Id or id attribute (in any namespace), by that value. */
export function indexIds(root: Element): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const stack: Element[] = [root];
  while (stack.length) {
    const element = stack.pop() as Element;
    for (const attr of Array.from(element.attributes)) {
      if (!ID_ATTRIBUTES.has(attr.localName ?? attr.name)) continue;
      const list = index.get(attr.value) ?? [];
      list.push(element);
      index.set(attr.value, list);
    }
    for (let child = element.lastChild; child; child = child.previousSibling) if (isElement(child)) stack.push(child);
  }
  return index;
}

/** Every ds:Signature in the document, in document order. */
export function signatureElements(root: Element): Element[] {
  return Array.from(root.getElementsByTagNameNS(NS.ds, 'Signature'));
}

/**
 * Verifies every signature in the document with xml-crypto, against the trusted certificates (or, when
 * none is trusted, against the certificate in its own KeyInfo, to tell an intact signature from a
 * broken one). The certificate in KeyInfo is never trusted.
 */
export function analyseSignatures(doc: XmlDocument, trusted: readonly Certificate[]): SignatureInfo[] {
  const ids = indexIds(doc.root);
  // Signatures where SAML puts them (in the root, or in an Assertion directly under it) are verified first.
  const expected = (element: Element) => {
    const parent = element.parentNode;
    return parent === doc.root || (isElement(parent) && parent.parentNode === doc.root && parent.localName === 'Assertion');
  };
  const all = signatureElements(doc.root);
  const verified = new Set([...all.filter(expected), ...all.filter((e) => !expected(e))].slice(0, MAX_VERIFIED_SIGNATURES));
  return all.map((element) => (verified.has(element) ? analyseSignature(doc, element, ids, trusted) : notVerified(element, ids)));
}

function analyseSignature(
  doc: XmlDocument,
  element: Element,
  ids: Map<string, Element[]>,
  trusted: readonly Certificate[],
): SignatureInfo {
  const info = readSignature(element, ids);
  const structural = structuralProblem(element, info);
  if (structural) {
    info.detail = structural;
    return info;
  }
  const keys = trusted.length ? trusted : info.keyInfoCertificates;
  if (keys.length === 0) {
    verify(doc, ids, info, undefined);
    return info;
  }
  for (const key of keys) {
    verify(doc, ids, info, key);
    if (info.status !== 'signature-mismatch') break;
  }
  if (info.status === 'valid' && !trusted.length) info.status = 'intact';
  return info;
}

/** What a Signature says about itself, before any verification (status `malformed` until verified). */
function readSignature(element: Element, ids: Map<string, Element[]>): SignatureInfo {
  const signedInfo = firstChild(element, NS.ds, 'SignedInfo');
  return {
    element,
    parent: element.parentNode && isElement(element.parentNode) ? element.parentNode : undefined,
    canonicalizationMethod: signedInfo && algorithmOf(signedInfo, 'CanonicalizationMethod'),
    signatureMethod: signedInfo && algorithmOf(signedInfo, 'SignatureMethod'),
    references: signedInfo ? childElements(signedInfo, NS.ds, 'Reference').map((r) => referenceInfo(r, ids)) : [],
    keyInfoCertificates: keyInfoCertificates(element),
    status: 'malformed',
    covers: [],
    differential: false,
  };
}

function notVerified(element: Element, ids: Map<string, Element[]>): SignatureInfo {
  return {
    ...readSignature(element, ids),
    detail: `not verified: a response with more than ${MAX_VERIFIED_SIGNATURES} signatures is not a real SAML response`,
  };
}

function structuralProblem(element: Element, info: SignatureInfo): string | undefined {
  if (childElements(element, NS.ds, 'SignedInfo').length !== 1) return 'the Signature must hold exactly one SignedInfo';
  if (!info.canonicalizationMethod) return 'SignedInfo has no CanonicalizationMethod Algorithm';
  if (!info.signatureMethod) return 'SignedInfo has no SignatureMethod Algorithm';
  if (info.references.length === 0) return 'SignedInfo has no Reference';
  const value = firstChild(element, NS.ds, 'SignatureValue');
  if (!value || !textOf(value).trim()) return 'the Signature has no SignatureValue';
  return undefined;
}

/** One verification attempt with one key (or none): sets status, detail, verifiedWith and covers. */
function verify(doc: XmlDocument, ids: Map<string, Element[]>, info: SignatureInfo, key: Certificate | undefined): void {
  // getCertFromKeyInfo returning null: xml-crypto must never take the key from the message itself.
  const signed = new SignedXml({ publicCert: key?.pem, getCertFromKeyInfo: () => null });
  // SAML names its IDs `ID` (SAML core §1.3.4). Resolving only that attribute saves xml-crypto two
  // whole-document XPath searches per reference; duplicates under Id or id are still SIG003's to report.
  signed.idAttributes = [SAML_ID];
  let verified: boolean;
  try {
    signed.loadSignature(info.element);
    verified = signed.checkSignature(doc.source.text);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/signature value .* is incorrect/.test(message)) {
      info.status = 'signature-mismatch';
      info.detail = 'the SignatureValue does not verify with the key';
    } else if (/KeyInfo or publicCert or privateKey is required/.test(message)) {
      info.status = 'unverifiable';
      info.detail = 'no certificate to verify with';
    } else {
      info.status = 'malformed';
      info.detail = message.replace(/^invalid signature: /, '');
    }
    return;
  }
  if (!verified) {
    const failed = signed.getReferences().find((r) => r.validationError);
    const message = failed?.validationError?.message ?? 'a reference did not validate';
    info.status = /could not find such element/.test(message) ? 'reference-missing' : 'digest-mismatch';
    info.detail = message.replace(/^invalid signature: /, '');
    return;
  }
  info.status = 'valid';
  info.verifiedWith = key;
  for (const reference of signed.getReferences()) {
    const target = ownTarget(doc, ids, reference);
    if (target && sameBytes(signed, doc, reference, target)) info.covers.push(target);
    else info.differential = true;
  }
}

/** The element of samlint's document the reference names (unique, or xml-crypto would have refused). */
function ownTarget(doc: XmlDocument, ids: Map<string, Element[]>, reference: Reference): Element | undefined {
  if (reference.uri === '') return doc.root;
  if (!reference.uri.startsWith('#')) return undefined;
  const id = reference.uri.slice(1);
  return ids.get(id)?.find((element) => element.getAttribute(SAML_ID) === id);
}

interface CanonicalReferenceXml {
  getCanonReferenceXml(doc: Document, reference: Reference, node: Node): string;
}

/**
 * Canonicalises samlint's own node with the reference's transforms, as xml-crypto did for the node of
 * its own parse, and compares the bytes. xml-crypto keeps this step private, but it is the exact
 * computation behind the digest, so equal bytes prove the rules read what was signed.
 */
function sameBytes(signed: SignedXml, doc: XmlDocument, reference: Reference, target: Element): boolean {
  if (reference.signedReference === undefined) return false;
  try {
    // `self::*` evaluated at the target finds the target: xml-crypto then collects the same ancestor
    // namespaces without a whole-document XPath search for the ID (the costly part). A copy keeps the
    // reference xml-crypto reported untouched.
    const here = { ...reference, xpath: 'self::*' };
    const ours = (signed as unknown as CanonicalReferenceXml).getCanonReferenceXml(target as unknown as Document, here, target);
    return ours === reference.signedReference;
  } catch {
    return false;
  }
}

function referenceInfo(element: Element, ids: Map<string, Element[]>): ReferenceInfo {
  const uri = attribute(element, 'URI') ?? '';
  const transforms = firstChild(element, NS.ds, 'Transforms');
  return {
    element,
    uri,
    targets: uri.startsWith('#') ? (ids.get(uri.slice(1)) ?? []) : [],
    transforms: transforms ? childElements(transforms, NS.ds, 'Transform').map((t) => attribute(t, 'Algorithm') ?? '') : [],
    digestMethod: algorithmOf(element, 'DigestMethod'),
  };
}

function algorithmOf(parent: Element, localName: string): string | undefined {
  const child = firstChild(parent, NS.ds, localName);
  return child ? attribute(child, 'Algorithm') : undefined;
}

function keyInfoCertificates(signature: Element): Certificate[] {
  const keyInfo = firstChild(signature, NS.ds, 'KeyInfo');
  if (!keyInfo) return [];
  const certificates: Certificate[] = [];
  for (const data of childElements(keyInfo, NS.ds, 'X509Data')) {
    for (const cert of childElements(data, NS.ds, 'X509Certificate')) {
      const result = certificateFromBase64(textOf(cert), 'KeyInfo');
      if (result.ok) certificates.push(result.certificate);
    }
  }
  return certificates;
}
