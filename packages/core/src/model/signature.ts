// What signature verification (sig/signatures.ts, docs/decisions/0002-own-verifier.md) says about each
// ds:Signature of the document.
import type { Certificate } from './certificate.js';
import type { Location } from './finding.js';

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
  /**
   * Set when it is `malformed` only because it uses a registered XML Signature algorithm samlint does
   * not implement (SIG015): a limit of samlint, not a fault of the document.
   */
  unimplementedAlgorithm?: string;
  /** Whether a key at hand verifies the SignatureValue over SignedInfo; undefined when not tried. */
  signatureValueVerifies?: boolean;
  verifiedWith?: Certificate;
  /** The element this signature proves unchanged (`valid` or `intact` only). */
  covers: Element[];
  /** What the enveloped-signature transform left out of `covers`: this Signature itself, when inside it. */
  excluded?: Element;
}

/**
 * One ds:Signature as a reader is shown it (the JSON output's `signing`, the browser page's signatures
 * panel): plain data, with places in the document instead of DOM nodes.
 */
export interface SignatureReport {
  /** Where the Signature element is. */
  location: Location;
  /** The element it sits in, by its qualified name as written: `samlp:Response`, `saml2:Assertion`. */
  parent?: string;
  status: SignatureStatus;
  /** Why it is `malformed` or `not-verified`. */
  detail?: string;
  signatureMethod?: string;
  /** The trusted certificate that verified it (`valid` only: an `intact` signature's signer is unknown). */
  verifiedWith?: { source: string; subject: string; fingerprint256: string; notAfter?: string };
  /** What it proves unchanged, `valid` or `intact` only: each element with its SAML ID and place. */
  covers: Array<{ element: string; id?: string; location: Location }>;
}
