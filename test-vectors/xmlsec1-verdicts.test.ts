// The xmlsec1 verdicts generate.mjs records in manifest.json (fields documented in manifest.ts) are sane:
// every signed vector has them, the genuine vectors verify, and the known hostile ones fail at the step
// they were made to fail at. This tests the recording, not samlint: comparing samlint's verdicts with
// these is another test's job.
import { describe, expect, it } from 'vitest';
import { MANIFEST, type XmlsecRecord } from './manifest.js';

const VERDICTS = ['verified', 'digest', 'key', 'reference', 'refused'];

function entry(file: string) {
  const found = MANIFEST.find((e) => e.file === file);
  if (!found) throw new Error(`no vector ${file}`);
  return found;
}

const verdicts = (records: XmlsecRecord[] | undefined) => (records ?? []).map((r) => r.verdict);

describe('xmlsec1 verdicts recorded in the manifest', () => {
  it('every signed vector with an XML document has at least one record, unless a note says why not', () => {
    for (const e of MANIFEST.filter((v) => v.signed !== 'none')) {
      if (e.xmlsec1 === undefined) {
        expect(e.xmlsec1Note, `${e.file} has no xmlsec1 record and no note`).toMatch(/^not verified/);
        continue;
      }
      // A signed Assertion that was then encrypted is seen only once decrypted.
      const records = e.xmlsec1.length + (e.xmlsec1Decrypted?.length ?? 0);
      expect(records, `${e.file} is signed but has no xmlsec1 record`).toBeGreaterThan(0);
    }
  });

  it('records are well-formed: 1-based indexes in order, a known verdict and trust, a detail for refused', () => {
    for (const e of MANIFEST) {
      for (const records of [e.xmlsec1, e.xmlsec1Decrypted, ...(e.xmlsec1Logins ?? [])]) {
        (records ?? []).forEach((r, i) => {
          expect(r.index, e.file).toBe(i + 1);
          expect(VERDICTS, e.file).toContain(r.verdict);
          expect(['certificates', 'metadata', 'keyinfo'], e.file).toContain(r.trust);
          if (r.verdict === 'refused') expect(typeof r.detail, e.file).toBe('string');
        });
      }
    }
  });

  it('the genuine clean vectors verify, every signature of every login', () => {
    const clean = MANIFEST.filter((e) => e.file.startsWith('clean/'));
    expect(clean.length).toBeGreaterThan(0);
    for (const e of clean) {
      const all = [e.xmlsec1, ...(e.xmlsec1Logins ?? [])].flatMap(verdicts);
      expect(all.length, e.file).toBeGreaterThan(0);
      expect(new Set(all), e.file).toEqual(new Set(['verified']));
      expect(e.xmlsec1?.every((r) => r.trust === 'certificates'), e.file).toBe(true);
    }
    expect(verdicts(entry('clean/clean-signed-both.xml').xmlsec1)).toEqual(['verified', 'verified']);
    expect(entry('clean/clean-signed-both.xml').xmlsec1?.map((r) => r.parent)).toEqual(['Response', 'Assertion']);
  });

  it('the known hostile vectors fail where they were made to', () => {
    expect(verdicts(entry('sig/digest-mismatch.xml').xmlsec1)).toEqual(['digest']);
    expect(verdicts(entry('sig/signature-value-mismatch.xml').xmlsec1)).toEqual(['key']);
    expect(verdicts(entry('sig/reference-missing.xml').xmlsec1)).toEqual(['reference']);
    expect(verdicts(entry('sig/certificate-rotated.xml').xmlsec1)).toEqual(['key']);
  });

  it('issue 11’s vectors: genuine IdP output verifies, each attack fails (or verifies) where it was built to', () => {
    expect(verdicts(entry('sig/c14n11.xml').xmlsec1)).toEqual(['verified']);
    expect(verdicts(entry('sig/ecdsa-p256.xml').xmlsec1)).toEqual(['verified']);
    expect(entry('sig/advice-signed-assertions.xml').xmlsec1?.map((r) => [r.parent, r.verdict])).toEqual([
      ['Assertion', 'verified'],
      ['Assertion', 'verified'],
      ['Assertion', 'verified'],
    ]);
    for (const name of ['capital-i', 'lower-case', 'wsu-id']) expect(verdicts(entry(`sig/id-attribute-${name}.xml`).xmlsec1), name).toEqual(['reference']);
    // libxml2 takes xml:id for an ID of its own, so xmlsec1 digests the forgery.
    expect(verdicts(entry('sig/id-attribute-xml-id.xml').xmlsec1)).toEqual(['digest']);
    expect(verdicts(entry('sig/signature-invented-no-key-info.xml').xmlsec1)).toEqual(['digest']);
    expect(verdicts(entry('sig/both-signatures-on-forgery.xml').xmlsec1)).toEqual(['digest', 'digest']);
    // Unsigned content next to signed content: xmlsec1 verifies the signature, and cannot say more.
    const beside = MANIFEST.filter((e) => /^sig\/(unsigned-(subject|attributes|conditions)|look-alike-assertion|xsw[78]-new-id)/.test(e.file));
    expect(beside.length).toBe(10);
    for (const e of beside) expect(verdicts(e.xmlsec1), e.file).toEqual(['verified']);
    expect(entry('sig/encrypted-beside-unsigned-assertion.xml').xmlsec1).toEqual([]);
    for (const file of ['sig/raw-less-than-in-attribute.xml', 'sig/nul-character-reference.xml']) {
      expect(entry(file).xmlsec1?.map((r) => r.verdict), file).toEqual(['refused']);
      expect(entry(file).xmlsec1Note, file).toMatch(/libxml2 does not parse/);
    }
  });

  it('an encrypted vector with the right key records the decrypted Assertion’s signature; with the wrong key, a note', () => {
    const decrypted = entry('encrypted/encrypted-clean-decrypted.xml');
    expect(verdicts(decrypted.xmlsec1Decrypted)).toEqual(['verified']);
    expect(decrypted.xmlsec1Decrypted?.[0]?.parent).toBe('Assertion');
    const wrong = entry('encrypted/encrypted-wrong-key.xml');
    expect(wrong.xmlsec1Decrypted).toBeUndefined();
    expect(wrong.xmlsec1Note).toMatch(/--decrypt/);
  });

  it('a vector that trusts nothing says it was verified with the KeyInfo certificate', () => {
    expect(entry('sig/signature-without-key.xml').xmlsec1?.map((r) => [r.trust, r.verdict])).toEqual([['keyinfo', 'refused']]);
  });
});
