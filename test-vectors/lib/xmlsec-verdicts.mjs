// xmlsec1's verdict on each ds:Signature of a document: the independent oracle the vectors record in
// manifest.json (`xmlsec1`, `xmlsec1Decrypted`; test-vectors/manifest.ts documents the fields). Run by
// ../generate.mjs only; tests read the recorded verdicts and never need xmlsec1 (Debian package `xmlsec1`,
// 1.2.x) or xmllint (`libxml2-utils`).
//
// Each signature is verified on its own: `xmlsec1 --verify --node-xpath "(//ds:Signature)[k]"`, with SAML's
// `ID` as the only ID attribute (of saml:Assertion and samlp:Response), same-document references only, and
// the vector's trusted certificates as the only keys (KeyInfo's X509Data and KeyValue are not read:
// `--enabled-key-data rsa,ecdsa`). xmlsec1 looks a key up by algorithm and takes the first one it holds, so
// each trusted certificate gets a run of its own; the verdict is 'verified' if one run verifies, otherwise
// that of the first certificate. A vector that trusts nothing is verified with the certificate in its
// KeyInfo (`--insecure`: the self-signed certificate is not checked against a CA) and says so
// (`trust: 'keyinfo'`).
//
// The verdict is read from the structure xmlsec1 prints with `--print-xml-debug` (its dsig context as XML),
// never from its English messages:
//   <VerificationContext status="succeeded|invalid|unknown">      the signature as a whole
//     <SignatureKey>…</SignatureKey>                               present when a key was found
//     <SignedInfoReferences><List size="n">
//       <ReferenceVerificationContext status="succeeded|invalid|unknown">   one per Reference processed,
//         <URI>…</URI>                                                       in order; xmlsec1 stops at
//         <ReferenceTransformCtx><TransformCtx status="s">…                 the first that fails
// TransformCtx status is xmlSecTransformStatus: 0 none, 1 working, 2 finished, 3 ok, 4 fail.
//   verified   the context's status is "succeeded"
//   digest     a Reference's status is "invalid": its digest was computed and differs from DigestValue
//   reference  a Reference's status is "unknown" after its transform chain started (status 1: the
//              xpointer to "#id" found no element; the chain was built, so every algorithm is known)
//   key        every Reference succeeded, a key was found and the context's status is "invalid": the
//              SignatureValue does not verify with the trusted key
//   refused    anything else, with `detail` saying which, from the same structure: libxml2 cannot parse
//              the document (checked first with xmllint); no <SignatureMethod> was read (xmlsec1 did not
//              load the document, as when two SAML elements carry one ID, found by xmllint; or SignedInfo
//              has a structure or algorithm it refuses); a Reference stopped before its transforms ran
//              (an unknown algorithm, or a URI other than "#id"); no <SignatureKey> (nothing trusted and
//              no usable KeyInfo); or the context is "unknown" after every Reference succeeded (the
//              SignatureValue could not be checked: empty or undecodable)
// A run of xmlsec1 stops at the first failing step, so a signature whose digest and SignatureValue
// both fail is 'digest'.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SIGNATURES = `//*[local-name()='Signature' and namespace-uri()='${DSIG}']`;
/** Signatures inside an EncryptedAssertion (after `xmlsec1 --decrypt`, the Assertion sits there). */
const DECRYPTED_SIGNATURES = `//*[local-name()='EncryptedAssertion' and namespace-uri()='${ASSERTION}']${SIGNATURES}`;

const work = mkdtempSync(join(tmpdir(), 'samlint-xmlsec1-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function run(command, args, input) {
  return spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** XPath over the document with xmllint; `null` when libxml2 cannot parse it. */
function xpath(file, expression) {
  const r = run('xmllint', ['--nonet', '--noout', '--xpath', expression, file]);
  if (r.status !== 0 && r.status !== 10 && r.status !== 11) return null; // 10, 11: empty result
  return r.stdout.trim();
}

/** Whether libxml2 (the parser under xmlsec1) accepts the document as well-formed XML. */
function wellFormed(file) {
  return run('xmllint', ['--nonet', '--noout', file]).status === 0;
}

/** The attribute values of the first start tag named `name` in the debug XML. */
function attribute(text, name, attr) {
  const m = new RegExp(`<${name}\\b[^>]*?\\s${attr}="([^"]*)"`).exec(text);
  return m ? m[1] : null;
}

/**
 * The verdict of one xmlsec1 run, from its `--print-xml-debug` output (see the top of this file).
 * Returns `{ verdict, detail?, references }`, `references` being each processed Reference's
 * `{ uri, status }` in order.
 */
export function verdictFromDebug(debug) {
  const start = debug.indexOf('<VerificationContext');
  if (start < 0) return { verdict: 'refused', detail: 'no verification context: the document or its Signature could not be read', references: [] };
  const context = debug.slice(start);
  const status = attribute(context, 'VerificationContext', 'status');
  const signedInfo = /<SignedInfoReferences>([\s\S]*?)<\/SignedInfoReferences>/.exec(context)?.[1] ?? '';
  const references = [...signedInfo.matchAll(/<ReferenceVerificationContext\b[^>]*?status="([^"]*)"[\s\S]*?<URI>([\s\S]*?)<\/URI>[\s\S]*?<\/ReferenceVerificationContext>/g)].map(
    ([block, refStatus, uri]) => ({ uri: uri === 'NULL' ? null : uri, status: refStatus, chain: Number(attribute(block, 'TransformCtx', 'status')) }),
  );
  const hasKey = /<SignatureKey>\s*<KeyInfo>/.test(context);
  const out = (verdict, detail) => ({ verdict, ...(detail ? { detail } : {}), references: references.map(({ uri, status: s }) => ({ uri, status: s })) });
  if (status === 'succeeded') return out('verified');
  for (const ref of references) {
    if (ref.status === 'invalid') return out('digest');
    if (ref.status !== 'succeeded') {
      return ref.chain === 1 ? out('reference') : out('refused', 'a Reference was not processed (an algorithm or URI xmlsec1 does not take)');
    }
  }
  const signedInfoRead = /<SignatureMethod>\s*<Transform\b/.test(context);
  if (!signedInfoRead) return out('refused', 'SignedInfo was not read: the document was not loaded, or SignedInfo has a structure or algorithm xmlsec1 refuses');
  if (!hasKey) return out('refused', 'no key: nothing trusted and no usable KeyInfo');
  if (status === 'invalid' && references.length > 0) return out('key');
  if (references.length === 0) return out('refused', 'no Reference was processed');
  return out('refused', 'the SignatureValue could not be checked (empty or undecodable)');
}

/** One `xmlsec1 --verify` of the k-th signature selected by `select`, trusting `certificate` (or KeyInfo when null). */
function verifyOne(file, select, k, certificate) {
  const args = [
    '--verify',
    '--print-xml-debug',
    '--node-xpath', `(${select})[${k}]`,
    '--id-attr:ID', `${ASSERTION}:Assertion`,
    '--id-attr:ID', `${PROTOCOL}:Response`,
    '--enabled-reference-uris', 'same-doc',
  ];
  if (certificate) args.push('--enabled-key-data', 'rsa,ecdsa', '--pubkey-cert-pem', certificate);
  else args.push('--insecure');
  args.push(file);
  const r = run('xmlsec1', args);
  return verdictFromDebug(r.stdout ?? '');
}

/** Every signature selected by `select` in `file`, in document order. */
function verifyAll(file, select, trust) {
  const parsed = wellFormed(file);
  const count = parsed ? Number(xpath(file, `count(${select})`) ?? 0) : 0;
  // The ID values of saml:Assertion and samlp:Response elements that occur more than once.
  const ids = parsed ? (xpath(file, `//*[(local-name()='Assertion' and namespace-uri()='${ASSERTION}') or (local-name()='Response' and namespace-uri()='${PROTOCOL}')]/@ID`) ?? '') : '';
  const values = [...ids.matchAll(/ID="([^"]*)"/g)].map((m) => m[1]);
  const duplicates = [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  const records = [];
  for (let k = 1; k <= count; k++) {
    const parent = xpath(file, `local-name((${select})[${k}]/..)`) || null;
    const runs = trust.certificates.length ? trust.certificates.map((c) => verifyOne(file, select, k, c)) : [verifyOne(file, select, k, null)];
    const chosen = runs.find((r) => r.verdict === 'verified') ?? runs[0];
    const { verdict, references } = chosen;
    let { detail } = chosen;
    if (verdict === 'refused' && detail.startsWith('SignedInfo was not read') && duplicates.length) {
      detail = `SignedInfo was not read: xmlsec1 does not load a document in which two SAML elements carry one ID (${duplicates.join(', ')})`;
    }
    const record = { index: k, parent, verdict, trust: trust.kind, references };
    if (detail) record.detail = detail;
    if (runs.length > 1) record.verdicts = runs.map((r) => r.verdict);
    records.push(record);
  }
  return { parsed, records };
}

/**
 * Trusted certificates of a vector: its `options.certificates` (files), then the IdP signing
 * certificates of its `options.metadata` (X509Certificate of an IDPSSODescriptor's KeyDescriptor
 * without `use` or with use="signing"), as PEM files. `kind` is 'certificates', 'metadata' or 'keyinfo'.
 */
export function trustOf(options, base) {
  const files = (options.certificates ?? []).map((f) => join(base, f));
  let fromMetadata = [];
  if (options.metadata) {
    const text = readFileSync(join(base, options.metadata), 'utf8');
    const idp = /<(?:\w+:)?IDPSSODescriptor\b[\s\S]*?<\/(?:\w+:)?IDPSSODescriptor>/.exec(text)?.[0] ?? '';
    const descriptors = [...idp.matchAll(/<(?:\w+:)?KeyDescriptor\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?KeyDescriptor>/g)];
    fromMetadata = descriptors
      .filter(([, attrs]) => !/\suse="(?!signing")/.test(attrs))
      .flatMap(([, , body]) => [...body.matchAll(/<(?:\w+:)?X509Certificate>([^<]*)<\//g)].map((m) => m[1].replace(/\s+/g, '')))
      .map((b64, i) => {
        const file = join(work, `metadata-${i}-${Math.random().toString(36).slice(2)}.crt`);
        writeFileSync(file, `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`);
        return file;
      });
  }
  // A file that is not a certificate (a vector about an unreadable --cert) is no key for xmlsec1 either.
  const loads = (file) => run('openssl', ['x509', '-noout', '-in', file]).status === 0;
  const usable = files.filter(loads);
  const usableMetadata = fromMetadata.filter(loads);
  const skipped = files.filter((f) => !usable.includes(f)).map((f) => f.slice(base.length + 1));
  const certificates = [...usable, ...usableMetadata];
  const kind = usable.length ? 'certificates' : usableMetadata.length ? 'metadata' : 'keyinfo';
  return { kind, certificates, skipped };
}

/** xmlsec1's verdicts on every ds:Signature of `xml`, in document order (`records`), and whether libxml2 parsed it. */
export function xmlsecVerdicts(xml, trust) {
  const file = join(work, 'verify.xml');
  writeFileSync(file, xml);
  const { parsed, records } = verifyAll(file, SIGNATURES, trust);
  if (!parsed) {
    // libxml2 refuses the document: xmlsec1 cannot read any of its signatures. Counted as text.
    const count = (String(xml).match(/<([\w.-]+:)?Signature[\s>]/g) ?? []).length;
    return {
      parsed,
      records: Array.from({ length: count }, (_, i) => ({ index: i + 1, parent: null, verdict: 'refused', trust: trust.kind, references: [], detail: 'libxml2 does not parse the document (not well-formed)' })),
    };
  }
  return { parsed, records };
}

/**
 * Decrypts the first EncryptedAssertion of `xml` with `keyFile` (`xmlsec1 --decrypt`, in place) and
 * returns the verdicts on the signatures inside it, or `{ error }` when xmlsec1 cannot decrypt.
 */
export function xmlsecDecryptedVerdicts(xml, keyFile, trust) {
  const input = join(work, 'encrypted.xml');
  const output = join(work, 'decrypted.xml');
  writeFileSync(input, xml);
  rmSync(output, { force: true });
  const r = run('xmlsec1', [
    '--decrypt',
    '--privkey-pem', keyFile,
    // An EncryptedKey beside the EncryptedData is found through its RetrievalMethod's `#Id`.
    '--id-attr:Id', 'http://www.w3.org/2001/04/xmlenc#:EncryptedKey',
    '--node-xpath', `(//*[local-name()='EncryptedAssertion' and namespace-uri()='${ASSERTION}']/*[local-name()='EncryptedData' and namespace-uri()='http://www.w3.org/2001/04/xmlenc#'])[1]`,
    '--output', output,
    input,
  ]);
  if (r.status !== 0) return { error: 'xmlsec1 --decrypt failed with this key' };
  return { records: verifyAll(output, DECRYPTED_SIGNATURES, trust).records };
}

/** For generate.mjs's error messages: is xmlsec1 there at all. */
export function xmlsecVersion() {
  return execFileSync('xmlsec1', ['--version'], { encoding: 'utf8' }).trim();
}
