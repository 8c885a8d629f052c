import type { Certificate } from '../model/certificate.js';
import type { IdLookalike, ReferenceInfo, SignatureInfo } from '../model/signature.js';
import type { XmlDocument } from '../model/xml.js';
import { NS, attribute, childElements, descendants, firstChild, isElement, textOf } from '../xml/dom.js';
import { canonicalize, canonicalizationMethod, type CanonicalizationMethod } from './c14n.js';
import { certificateFromBase64 } from './certificates.js';
import { nodeCrypto, type HashName, type SignatureCrypto, type SignatureScheme } from './crypto.js';

// Signatures are verified over the one DOM every rule reads (docs/decisions/0001-xml-parsers.md), by
// samlint itself (0002-own-verifier.md): references resolve through the same ID index SIG003 reports
// from, and every status is decided from the document's structure and the computed bytes, never from
// a library's message.

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
/**
 * Registered XML Signature algorithms (XML-DSig 1.1, RFC 9231) that samlint does not implement: a
 * signature using one is not checked (SIG015), rather than called malformed. Any other unknown URI is
 * no algorithm at all (SIG013).
 */
const UNIMPLEMENTED_ALGORITHMS = new Set([
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
  'http://www.w3.org/2009/xmldsig11#dsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-md5',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-ripemd160',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-ripemd160',
  'http://www.w3.org/2007/05/xmldsig-more#rsa-whirlpool',
  'http://www.w3.org/2007/05/xmldsig-more#ecdsa-whirlpool',
  'http://www.w3.org/2007/05/xmldsig-more#rsa-sha3-224',
  'http://www.w3.org/2007/05/xmldsig-more#rsa-sha3-256',
  'http://www.w3.org/2007/05/xmldsig-more#rsa-sha3-384',
  'http://www.w3.org/2007/05/xmldsig-more#rsa-sha3-512',
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-224',
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-256',
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-384',
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-512',
  'http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519',
  'http://www.w3.org/2021/04/xmldsig-more#eddsa-ed448',
  'http://www.w3.org/2001/04/xmldsig-more#md5',
  'http://www.w3.org/2001/04/xmlenc#ripemd160',
  'http://www.w3.org/2007/05/xmldsig-more#whirlpool',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-224',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-256',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-384',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-512',
  'http://www.w3.org/TR/1999/REC-xpath-19991116',
  'http://www.w3.org/2002/06/xmldsig-filter2',
  'http://www.w3.org/TR/1999/REC-xslt-19991116',
  'http://www.w3.org/2000/09/xmldsig#base64',
]);

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
  return descendants(root, NS.ds, 'Signature');
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
    if ('problem' in plan) {
      info.detail = plan.problem;
      if (plan.unimplemented) info.unimplementedAlgorithm = plan.unimplemented;
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
function verificationPlan(info: SignatureInfo): VerificationPlan | Refusal {
  const structure = signatureStructureProblem(info.element);
  if (structure) return { problem: structure };
  const signedInfo = firstChild(info.element, NS.ds, 'SignedInfo') as Element;
  if (!info.canonicalizationMethod) return { problem: 'SignedInfo has no CanonicalizationMethod Algorithm' };
  const canonicalization = canonicalizationMethod(info.canonicalizationMethod);
  if (!canonicalization) return unknownAlgorithm(info.canonicalizationMethod, `canonicalisation \`${info.canonicalizationMethod}\` is not one samlint can verify`);
  if (!info.signatureMethod) return { problem: 'SignedInfo has no SignatureMethod Algorithm' };
  if (HMAC.test(info.signatureMethod)) {
    return { problem: `SignatureMethod \`${info.signatureMethod}\` is an HMAC, which needs a shared secret: with an IdP's public certificate it is the key-confusion attack` };
  }
  const scheme = SIGNATURE_SCHEMES[info.signatureMethod];
  if (!scheme) return unknownAlgorithm(info.signatureMethod, `SignatureMethod \`${info.signatureMethod}\` is not one samlint can verify`);
  if (info.references.length === 0) return { problem: 'SignedInfo has no Reference' };
  if (info.references.length > 1) {
    return { problem: `SignedInfo has ${info.references.length} References; a SAML signature has exactly one (SAML core §5.4.2), so none is verified` };
  }
  const valueElement = firstChild(info.element, NS.ds, 'SignatureValue');
  const signatureValue = valueElement && base64Bytes(textOf(valueElement));
  if (!signatureValue?.length) return { problem: 'the Signature has no SignatureValue, or it is not base64' };
  const reference = referencePlan(info.references[0] as ReferenceInfo);
  if ('problem' in reference) return reference;
  return {
    signedInfo,
    canonicalization,
    signedInfoPrefixes: inclusivePrefixes(firstChild(signedInfo, NS.ds, 'CanonicalizationMethod')),
    scheme,
    signatureValue,
    reference,
  };
}

/** Why a Signature is not verified: `unimplemented` names the registered algorithm samlint lacks, when that is the reason. */
interface Refusal {
  problem: string;
  unimplemented?: string;
}

/** An algorithm samlint does not verify: a registered one it lacks is its own limit (SIG015), any other URI outside the profile (SIG013). */
function unknownAlgorithm(uri: string, problem: string): Refusal {
  return UNIMPLEMENTED_ALGORITHMS.has(uri) ? { problem, unimplemented: uri } : { problem };
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
function referencePlan(reference: ReferenceInfo): VerificationPlan['reference'] | Refusal {
  const hash = reference.digestMethod === undefined ? undefined : DIGESTS[reference.digestMethod];
  if (!hash) return reference.digestMethod ? unknownAlgorithm(reference.digestMethod, `DigestMethod \`${reference.digestMethod}\` is not one samlint can verify`) : { problem: 'the Reference has no DigestMethod Algorithm' };
  const digestElement = firstChild(reference.element, NS.ds, 'DigestValue');
  const digestValue = digestElement && base64Bytes(textOf(digestElement));
  if (!digestValue?.length) return { problem: 'the Reference has no DigestValue, or it is not base64' };
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
    if (!method || canonicalization) {
      const problem = `reference transform \`${algorithm}\` in this position is not one samlint can verify`;
      return canonicalization || algorithm === ENVELOPED ? { problem } : unknownAlgorithm(algorithm, problem);
    }
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
