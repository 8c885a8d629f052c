import { NS, attribute, childElements, firstChild, isElement, textOf } from '../xml/dom.js';
import type { XmlDocument } from '../xml/parse.js';
import { canonicalize, canonicalizationMethod, type CanonicalizationMethod } from './c14n.js';
import { certificateFromBase64, type Certificate } from './certificates.js';
import { nodeCrypto, type HashName, type SignatureCrypto, type SignatureScheme } from './crypto.js';

// samlint verifies XML signatures itself, over the one DOM every rule reads (docs/decisions/0002):
// references resolve through the same ID index SIG003 reports from, and every status below is
// decided from the document's structure and the computed bytes, never from a library's message.

/**
 * - `valid`: a trusted certificate verifies the SignatureValue, and the reference's digest matches.
 * - `intact`: no certificate is trusted (no --cert or --metadata), but the certificate in its own
 *   KeyInfo verifies it: the content is unchanged since signing, the signer unknown.
 * - `digest-mismatch`: the referenced element changed after signing.
 * - `signature-mismatch`: the digest matches, but no key at hand verifies the SignatureValue.
 * - `reference-missing`: the reference resolves to no single element by its SAML `ID`.
 * - `unverifiable`: the digest matches, but there is neither a trusted certificate nor one in KeyInfo.
 * - `malformed`: the Signature is outside what samlint can verify (structure, profile, algorithm).
 * - `not-verified`: another Signature already signs the same element (a SAML element carries one).
 */
export type SignatureStatus =
  | 'valid'
  | 'intact'
  | 'digest-mismatch'
  | 'signature-mismatch'
  | 'reference-missing'
  | 'unverifiable'
  | 'malformed'
  | 'not-verified';

export interface ReferenceInfo {
  element: Element;
  uri: string;
  /** Elements whose SAML `ID` attribute (SAML core §1.3.4) is what the URI names; one means resolved. */
  targets: Element[];
  /** Elements carrying that value under another vocabulary's ID attribute (Id, id, xml:id, wsu:Id): never resolved to. */
  lookalikes: IdLookalike[];
  transforms: string[];
  digestMethod?: string;
  /** Whether the digest of the target matches DigestValue; undefined when it was not computed. */
  digestMatches?: boolean;
}

export interface IdLookalike {
  element: Element;
  /** The attribute's name as written (`Id`, `xml:id`, `wsu:Id`…). */
  attribute: string;
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
  /** Why the signature is `malformed` or `not-verified`, in samlint's words. */
  detail?: string;
  /** Whether a key at hand verifies the SignatureValue over SignedInfo; undefined when not tried. */
  signatureValueVerifies?: boolean;
  verifiedWith?: Certificate;
  /** The element this signature proves unchanged (`valid` or `intact` only). */
  covers: Element[];
  /** What the enveloped-signature transform left out of `covers`: this Signature itself, when inside it. */
  excluded?: Element;
}

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const EXCLUSIVE_C14N_NAMESPACE = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** A reference with no canonicalisation transform is canonicalised with C14N 1.0 (XML Signature §4.4.3.2). */
const DEFAULT_C14N = canonicalizationMethod('http://www.w3.org/TR/2001/REC-xml-c14n-20010315') as CanonicalizationMethod;

/** DigestMethod algorithms, as XML Signature and XML Encryption (OAEP's DigestMethod) name them. */
export const DIGESTS: Readonly<Record<string, HashName>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha224': 'sha224',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

const SIGNATURE_SCHEMES: Record<string, SignatureScheme> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { hash: 'sha1', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha224': { hash: 'sha224', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { hash: 'sha256', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': { hash: 'sha1', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224': { hash: 'sha224', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { hash: 'sha256', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { hash: 'sha384', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { hash: 'sha512', key: 'ec' },
  // RSASSA-PSS (RFC 6931 §2.3.10), salt as long as the digest.
  'http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1': { hash: 'sha1', key: 'rsa-pss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1': { hash: 'sha224', key: 'rsa-pss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': { hash: 'sha256', key: 'rsa-pss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1': { hash: 'sha384', key: 'rsa-pss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1': { hash: 'sha512', key: 'rsa-pss' },
};

/** HMAC "signatures" need a shared secret; with a public certificate they are the key-confusion attack. */
const HMAC = /^http:\/\/www\.w3\.org\/(2000\/09\/xmldsig|2001\/04\/xmldsig-more)#hmac-/;

/** Elements by the value of their SAML `ID`, and values carried under other vocabularies' ID attributes. */
export interface IdIndex {
  byId: Map<string, Element[]>;
  lookalikes: Map<string, IdLookalike[]>;
}

/** SAML names its identifier `ID` (no namespace); `Id`, `id`, `xml:id`, `wsu:Id` are other vocabularies'. */
export function indexIds(root: Element): IdIndex {
  const index: IdIndex = { byId: new Map(), lookalikes: new Map() };
  const stack: Element[] = [root];
  while (stack.length) {
    const element = stack.pop() as Element;
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attr = attributes[i] as Attr;
      if (attr.localName.length !== 2 || attr.localName.toLowerCase() !== 'id') continue;
      if (attr.localName === 'ID' && !attr.namespaceURI) append(index.byId, attr.value, element);
      else append(index.lookalikes, attr.value, { element, attribute: attr.name });
    }
    for (let child = element.lastChild; child; child = child.previousSibling) if (isElement(child)) stack.push(child);
  }
  return index;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every ds:Signature in the document, in document order. */
export function signatureElements(root: Element): Element[] {
  return Array.from(root.getElementsByTagNameNS(NS.ds, 'Signature'));
}

/**
 * Verifies every signature in the document against the trusted certificates (or, when none is
 * trusted, against the certificate in its own KeyInfo, to tell an intact signature from a broken
 * one; that certificate is never reported as trusted). Each element is verified for at most one
 * signature, the enveloped one first, so the cost stays linear in the document's size times its
 * nesting, whatever number of signatures a hostile document carries.
 */
export function analyseSignatures(doc: XmlDocument, trusted: readonly Certificate[], crypto: SignatureCrypto = nodeCrypto): SignatureInfo[] {
  const ids = indexIds(doc.root);
  const signatures = signatureElements(doc.root).map((element) => readSignature(element, ids));
  const enveloped = (s: SignatureInfo) => s.parent !== undefined && s.references[0]?.targets[0] === s.parent;
  const order = [...signatures.filter(enveloped), ...signatures.filter((s) => !enveloped(s))];
  // IDs are unique in a SAML document (SAML core §1.3.4); like libxml2, samlint verifies nothing in
  // one that repeats an ID, since which copy a reader takes is then anyone's guess.
  const duplicated = [...ids.byId].find(([, elements]) => elements.length > 1)?.[0];
  const signed = new Set<Element>();
  for (const info of order) {
    const plan = verificationPlan(info);
    if (typeof plan === 'string') {
      info.detail = plan;
      continue;
    }
    const target = resolvedTarget(info);
    if (!target) {
      info.status = 'reference-missing';
      continue;
    }
    if (duplicated !== undefined) {
      info.detail = `the ID \`${duplicated}\` is carried by ${ids.byId.get(duplicated)?.length} elements, and nothing in a document with a repeated ID is verified`;
      continue;
    }
    if (signed.has(target)) {
      info.status = 'not-verified';
      info.detail = 'another Signature already signs the same element, and a SAML element carries one';
      continue;
    }
    signed.add(target);
    verify(info, plan, target, trusted, crypto);
  }
  return signatures;
}

/** What a Signature says about itself, before any verification (status `malformed` until verified). */
function readSignature(element: Element, ids: IdIndex): SignatureInfo {
  const signedInfo = firstChild(element, NS.ds, 'SignedInfo');
  return {
    element,
    parent: isElement(element.parentNode) ? element.parentNode : undefined,
    canonicalizationMethod: signedInfo && algorithmOf(signedInfo, 'CanonicalizationMethod'),
    signatureMethod: signedInfo && algorithmOf(signedInfo, 'SignatureMethod'),
    references: signedInfo ? childElements(signedInfo, NS.ds, 'Reference').map((r) => referenceInfo(r, ids)) : [],
    keyInfoCertificates: keyInfoCertificates(element),
    status: 'malformed',
    covers: [],
  };
}

function referenceInfo(element: Element, ids: IdIndex): ReferenceInfo {
  const uri = attribute(element, 'URI') ?? '';
  const id = uri.startsWith('#') ? uri.slice(1) : undefined;
  const transforms = firstChild(element, NS.ds, 'Transforms');
  return {
    element,
    uri,
    targets: id === undefined ? [] : (ids.byId.get(id) ?? []),
    lookalikes: id === undefined ? [] : (ids.lookalikes.get(id) ?? []),
    transforms: transforms ? childElements(transforms, NS.ds, 'Transform').map((t) => attribute(t, 'Algorithm') ?? '') : [],
    digestMethod: algorithmOf(element, 'DigestMethod'),
  };
}

/** The one element the (single) reference names by its SAML `ID`, when there is exactly one. */
function resolvedTarget(info: SignatureInfo): Element | undefined {
  const targets = info.references[0]?.targets ?? [];
  return targets.length === 1 ? targets[0] : undefined;
}

interface VerificationPlan {
  signedInfo: Element;
  canonicalization: CanonicalizationMethod;
  signedInfoPrefixes: string[];
  scheme: SignatureScheme;
  signatureValue: Uint8Array;
  reference: {
    enveloped: boolean;
    canonicalization: CanonicalizationMethod;
    prefixes: string[];
    hash: HashName;
    digestValue: Uint8Array;
  };
}

/**
 * Everything verification needs, or why the Signature is outside what samlint verifies: the SAML
 * profile of XML Signature (SAML core §5.4) with the canonicalisations IdPs use.
 */
function verificationPlan(info: SignatureInfo): VerificationPlan | string {
  const structure = signatureStructureProblem(info.element);
  if (structure) return structure;
  const signedInfo = firstChild(info.element, NS.ds, 'SignedInfo') as Element;
  if (!info.canonicalizationMethod) return 'SignedInfo has no CanonicalizationMethod Algorithm';
  const canonicalization = canonicalizationMethod(info.canonicalizationMethod);
  if (!canonicalization) return `canonicalisation \`${info.canonicalizationMethod}\` is not one samlint can verify`;
  if (!info.signatureMethod) return 'SignedInfo has no SignatureMethod Algorithm';
  if (HMAC.test(info.signatureMethod)) {
    return `SignatureMethod \`${info.signatureMethod}\` is an HMAC, which needs a shared secret: with an IdP's public certificate it is the key-confusion attack`;
  }
  const scheme = SIGNATURE_SCHEMES[info.signatureMethod];
  if (!scheme) return `SignatureMethod \`${info.signatureMethod}\` is not one samlint can verify`;
  if (info.references.length === 0) return 'SignedInfo has no Reference';
  if (info.references.length > 1) {
    return `SignedInfo has ${info.references.length} References; a SAML signature has exactly one (SAML core §5.4.2), so none is verified`;
  }
  const valueElement = firstChild(info.element, NS.ds, 'SignatureValue');
  const signatureValue = valueElement && base64Bytes(textOf(valueElement));
  if (!signatureValue?.length) return 'the Signature has no SignatureValue, or it is not base64';
  const reference = referencePlan(info.references[0] as ReferenceInfo);
  if (typeof reference === 'string') return reference;
  return {
    signedInfo,
    canonicalization,
    signedInfoPrefixes: inclusivePrefixes(firstChild(signedInfo, NS.ds, 'CanonicalizationMethod')),
    scheme,
    signatureValue,
    reference,
  };
}

/** Why the Signature's children are not XML Signature's SignedInfo, SignatureValue, KeyInfo?, Object* (§4.1): wrapping attacks hide copies there. */
function signatureStructureProblem(signature: Element): string | undefined {
  const children = childElements(signature);
  const isDs = (i: number, localName: string) => children[i]?.namespaceURI === NS.ds && children[i]?.localName === localName;
  if (!isDs(0, 'SignedInfo')) return 'the Signature must start with one SignedInfo';
  if (!isDs(1, 'SignatureValue')) return 'the Signature must hold one SignatureValue after its SignedInfo';
  let i = isDs(2, 'KeyInfo') ? 3 : 2;
  while (isDs(i, 'Object')) i++;
  const extra = children[i];
  return extra && `the Signature holds \`${extra.tagName}\` where XML Signature allows only SignedInfo, SignatureValue, KeyInfo and Object, in that order`;
}

/** A Reference's transforms, limited to what SAML uses: enveloped-signature, then one canonicalisation. */
function referencePlan(reference: ReferenceInfo): VerificationPlan['reference'] | string {
  const hash = reference.digestMethod === undefined ? undefined : DIGESTS[reference.digestMethod];
  if (!hash) return reference.digestMethod ? `DigestMethod \`${reference.digestMethod}\` is not one samlint can verify` : 'the Reference has no DigestMethod Algorithm';
  const digestElement = firstChild(reference.element, NS.ds, 'DigestValue');
  const digestValue = digestElement && base64Bytes(textOf(digestElement));
  if (!digestValue?.length) return 'the Reference has no DigestValue, or it is not base64';
  const transformElements = childElements(firstChild(reference.element, NS.ds, 'Transforms') ?? reference.element, NS.ds, 'Transform');
  let enveloped = false;
  let canonicalization: CanonicalizationMethod | undefined;
  let prefixes: string[] = [];
  for (const [i, algorithm] of reference.transforms.entries()) {
    if (algorithm === ENVELOPED && i === 0) {
      enveloped = true;
      continue;
    }
    const method = canonicalizationMethod(algorithm);
    if (!method || canonicalization) return `reference transform \`${algorithm}\` in this position is not one samlint can verify`;
    canonicalization = method;
    prefixes = inclusivePrefixes(transformElements[i]);
  }
  return { enveloped, canonicalization: canonicalization ?? DEFAULT_C14N, prefixes, hash, digestValue };
}

/** Exclusive C14N's `InclusiveNamespaces PrefixList` under a CanonicalizationMethod or Transform. */
function inclusivePrefixes(method: Element | undefined): string[] {
  const list = method && firstChild(method, EXCLUSIVE_C14N_NAMESPACE, 'InclusiveNamespaces');
  return (list && attribute(list, 'PrefixList')?.split(/\s+/).filter(Boolean)) || [];
}

/** Computes the digest and checks the SignatureValue; sets status, verifiedWith, covers and excluded. */
function verify(info: SignatureInfo, plan: VerificationPlan, target: Element, trusted: readonly Certificate[], crypto: SignatureCrypto): void {
  const reference = info.references[0] as ReferenceInfo;
  // The enveloped-signature transform removes the Signature that holds it from the node-set.
  const excluded = plan.reference.enveloped && contains(target, info.element) ? info.element : undefined;
  // A same-document `#ID` reference selects its element without comments (XML Signature §4.4.3.3).
  const referenced = canonicalize(target, {
    method: plan.reference.canonicalization,
    inclusivePrefixes: plan.reference.prefixes,
    exclude: excluded,
    comments: false,
  });
  const signedInfo = canonicalize(plan.signedInfo, {
    method: plan.canonicalization,
    inclusivePrefixes: plan.signedInfoPrefixes,
    comments: plan.canonicalization.withComments,
  });
  if (!referenced.ok || !signedInfo.ok) {
    info.detail = !referenced.ok ? referenced.problem : !signedInfo.ok ? signedInfo.problem : undefined;
    return;
  }
  reference.digestMatches = equalBytes(crypto.digest(plan.reference.hash, referenced.text), plan.reference.digestValue);
  const keys = trusted.length ? trusted : info.keyInfoCertificates;
  const key = keys.find((k) => crypto.verify(plan.scheme, k, signedInfo.text, plan.signatureValue));
  info.signatureValueVerifies = keys.length ? key !== undefined : undefined;
  if (!reference.digestMatches) info.status = 'digest-mismatch';
  else if (info.signatureValueVerifies === false) info.status = 'signature-mismatch';
  else if (!key) info.status = 'unverifiable';
  else {
    info.status = trusted.length ? 'valid' : 'intact';
    if (trusted.length) info.verifiedWith = key;
    info.covers = [target];
    info.excluded = excluded;
  }
}

function contains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (current === ancestor) return true;
  return false;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text (whitespace allowed between characters, as XML Signature's base64Binary) as bytes. */
function base64Bytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  return BASE64.test(compact) && compact.length % 4 === 0 ? Buffer.from(compact, 'base64') : undefined;
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
