// samlint's per-signature verdict against xmlsec1's, recorded when each vector was generated
// (test-vectors/generate.mjs, lib/xmlsec-verdicts.mjs). xmlsec1 answers "do the digests and the
// signature check out?"; it is never the oracle for "is what the SP reads covered?" (SIG011, SIG014).
import { describe, expect, it } from 'vitest';
import { lintFile } from '@samlint/core';
import { parseXml } from '../packages/core/src/xml/parse.js';
import type { SignatureInfo } from '../packages/core/src/model/signature.js';
import { analyseSignatures } from '../packages/core/src/sig/signatures.js';
import { resolveTrust } from '../packages/core/src/sig/trust.js';
import { MANIFEST, loadVector, type XmlsecRecord } from './manifest.js';

type Verdict = XmlsecRecord['verdict'];

/** samlint's status in xmlsec1's terms. */
function verdictOf(signature: SignatureInfo): Verdict {
  switch (signature.status) {
    case 'valid':
    case 'intact':
      return 'verified';
    case 'digest-mismatch':
      return 'digest';
    case 'signature-mismatch':
      return 'key';
    case 'reference-missing':
      // xmlsec1 does not load a document in which two elements carry one ID.
      return (signature.references[0]?.targets.length ?? 0) > 1 ? 'refused' : 'reference';
    default:
      return 'refused';
  }
}

/**
 * Where samlint is deliberately stricter than xmlsec1, by vector and 1-based signature index: the
 * SAML profile (SAML core §5.4) or a bound that keeps hostile documents linear.
 */
const STRICTER: Record<string, { index: number; samlint: Verdict; xmlsec1: Verdict; why: string }[]> = {
  'sig/id-attribute-xml-id.xml': [
    {
      index: 1,
      samlint: 'reference',
      xmlsec1: 'digest',
      why: 'libxml2 takes `xml:id` for an ID, so xmlsec1 resolves the reference to the forged element; SAML names its identifier `ID` only (SAML core §1.3.4), so samlint resolves it to nothing (SIG003)',
    },
  ],
};

/**
 * Where xmlsec1 implements an algorithm samlint does not: samlint checks nothing there and says so
 * (SIG015, a warning), rather than calling the signature bad.
 */
const NOT_IMPLEMENTED: Record<string, { index: number; samlint: Verdict; xmlsec1: Verdict; why: string }[]> = {
  'sig/rsa-ripemd160.xml': [
    { index: 1, samlint: 'refused', xmlsec1: 'verified', why: 'samlint does not implement RSA-RIPEMD160 nor the RIPEMD-160 digest (SIG015)' },
  ],
};

/**
 * Vectors where xmlsec1 was given another text than the one samlint reads: the generator verified
 * the XML it built, while the capture does not carry it byte for byte.
 */
const OTHER_TEXT: Record<string, string> = {
  'capture/har-post-data-missing.har': 'the HAR file lost the posted SAMLResponse (IN013): samlint has no document to verify',
  'capture/responses-back-to-back.b64': 'the value holds two Responses (IN017): xmlsec1 was given both, which libxml2 refuses as one document, while samlint reads the first',
  'capture/saml-tracer-legacy-masked-non-ascii.json': 'samlint reads SAML-tracer’s decoded `saml` field, whose non-ASCII characters are not the signed bytes (IN015)',
};

function disagreements(file: string, records: readonly XmlsecRecord[], signatures: readonly SignatureInfo[]) {
  return records
    .map((record) => ({ file, index: record.index, xmlsec1: record.verdict, samlint: signatures[record.index - 1] ? verdictOf(signatures[record.index - 1] as SignatureInfo) : 'missing' }))
    .filter((d) => d.xmlsec1 !== d.samlint);
}

describe('samlint and xmlsec1 agree on every signature of every vector', () => {
  it('lists only vectors that exist', () => {
    const files = new Set(MANIFEST.map((e) => e.file));
    expect([...Object.keys(STRICTER), ...Object.keys(NOT_IMPLEMENTED), ...Object.keys(OTHER_TEXT)].filter((file) => !files.has(file))).toEqual([]);
  });

  const recorded = MANIFEST.filter((entry) => entry.xmlsec1?.length);

  it('has xmlsec1 verdicts to compare with', () => {
    expect(recorded.length).toBeGreaterThan(100);
  });

  for (const entry of recorded.filter((e) => !(e.file in OTHER_TEXT))) {
    it(entry.file, () => {
      const { text, options } = loadVector(entry);
      const xml = lintFile(text, options)[0]?.xml;
      const doc = xml === undefined ? undefined : parseXml(xml).doc;
      // libxml2 not parsing the document (parent null) is xmlsec1's refusal; samlint must refuse it too.
      const libxml2Parsed = entry.xmlsec1?.some((record) => record.parent !== null);
      expect(doc !== undefined, 'samlint parses what libxml2 parses, and only that').toBe(libxml2Parsed);
      if (!doc) return;
      const trusted = resolveTrust(options.certificates, options.metadata).certificates;
      const signatures = analyseSignatures(doc, trusted);
      expect(signatures).toHaveLength(entry.xmlsec1?.length ?? 0);
      const expected = [...(STRICTER[entry.file] ?? []), ...(NOT_IMPLEMENTED[entry.file] ?? [])].map(({ index, samlint, xmlsec1 }) => ({ file: entry.file, index, samlint, xmlsec1 }));
      expect(disagreements(entry.file, entry.xmlsec1 ?? [], signatures)).toEqual(expected);
    });
  }
});
