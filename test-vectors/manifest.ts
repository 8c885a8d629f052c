// The vectors' manifest and how to load one, shared by the tests that run over every vector.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTEXT_OPTION_IDS, contextOption, contextOptionValues, contextValue, type LintOptions } from '@samlint/core';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface VectorEntry {
  file: string;
  description: string;
  signed: 'none' | 'assertion' | 'response' | 'both';
  /** Lint options, except that the file options (`users`, `certificates`, the policies…) name files relative to test-vectors/. */
  options: LintOptions;
  expect: string[];
  /**
   * xmlsec1's verdict on each ds:Signature of the XML document samlint reads from this vector (for a HAR
   * file or SAML-tracer export: its first login), recorded by generate.mjs (lib/xmlsec-verdicts.mjs says
   * how each is derived from xmlsec1's `--print-xml-debug` structure). Present whenever there is such a
   * document, `[]` when it has no signature; absent when there is none (then `xmlsec1Note` says why).
   */
  xmlsec1?: XmlsecRecord[];
  /** The same for the further logins of a HAR file or SAML-tracer export, one array per login, in order. */
  xmlsec1Logins?: XmlsecRecord[][];
  /**
   * With `options.decryptionKey`: the verdicts on the signatures inside the EncryptedAssertion once
   * `xmlsec1 --decrypt` has replaced its EncryptedData with the plaintext Assertion (signatures inside
   * an EncryptedAssertion cannot be seen before). Absent when xmlsec1 cannot decrypt with that key.
   */
  xmlsec1Decrypted?: XmlsecRecord[];
  /**
   * Why a record is missing or how it was made: the case's `mangle` rewrote an encoded capture (decoded
   * plainly, or not verified), libxml2 does not parse the document, a `--cert` file is not a certificate
   * (so not trusted), or xmlsec1 could not decrypt.
   */
  xmlsec1Note?: string;
}

/** xmlsec1's verdict on one ds:Signature (namespace http://www.w3.org/2000/09/xmldsig#). */
export interface XmlsecRecord {
  /** 1-based position among the document's ds:Signature elements, in document order (for `xmlsec1Decrypted`: among those inside the EncryptedAssertion). */
  index: number;
  /** Local name of the Signature's parent element (`Assertion`, `Response`, `Extensions`, `Object`…); `null` when libxml2 cannot parse the document. */
  parent: string | null;
  /**
   * The first failing step xmlsec1 reports, or `verified`:
   * - `verified`: every Reference's digest and the SignatureValue check out with a trusted key;
   * - `digest`: a Reference's DigestValue differs from the digest of what it references;
   * - `key`: the digests match but the SignatureValue does not verify with the trusted key;
   * - `reference`: a Reference's `#id` resolves to no element carrying that SAML `ID`;
   * - `refused`: xmlsec1 does not process the signature (document not parsed or not loaded, e.g. a
   *   duplicated ID; an algorithm or URI it refuses; no key; an empty SignatureValue): see `detail`.
   */
  verdict: 'verified' | 'digest' | 'key' | 'reference' | 'refused';
  /**
   * What was trusted: `certificates` (options.certificates, each tried on its own; plus the metadata's
   * when both are given), `metadata` (the IdP signing certificates of options.metadata), or `keyinfo`
   * (nothing trusted: the certificate in the Signature's KeyInfo, unchecked, `xmlsec1 --insecure`).
   */
  trust: 'certificates' | 'metadata' | 'keyinfo';
  /** The References xmlsec1 processed, in order (it stops at the first that fails), with their status. */
  references: { uri: string | null; status: 'succeeded' | 'invalid' | 'unknown' | string }[];
  /** For `refused`: which step stopped xmlsec1, read from the same structure. */
  detail?: string;
  /** With several trusted certificates: the verdict with each, in order (`verdict` is `verified` if one is, else the first's). */
  verdicts?: XmlsecRecord['verdict'][];
}

export const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));

/** Reads a vector and its context the way the CLI does: file options name files. */
export function loadVector(entry: VectorEntry): { text: string; options: LintOptions } {
  const read = (file: string) => readFileSync(join(HERE, file), 'utf8');
  const values: Record<string, unknown> = {};
  for (const id of CONTEXT_OPTION_IDS) {
    const value = contextValue(entry.options, id);
    values[id] = contextOption(id).type === 'file' && value !== undefined ? (Array.isArray(value) ? value.map(read) : read(value as string)) : value;
  }
  return { text: read(entry.file), options: contextOptionValues(values) };
}
