#!/usr/bin/env node
// Resource-exhaustion inputs of issue 11, kept as fuzz regressions (test-vectors/fuzz-regressions/, format
// in its README.md): each shape a verifier must handle within the fuzz budget (`node scripts/fuzz.mjs
// --replay test-vectors/fuzz-regressions/`, 100 ms up to 32 KB, in proportion above). All are within AWS's
// 100,000-character SAMLResponse limit and XML_LIMITS (packages/core/src/xml/parse.ts: depth 64, 256
// attributes per element). Deterministic: no key is used, signature values are fixed invented bytes (the
// verdict does not matter, the work to reach it does).
//
//   node test-vectors/lib/hostile.mjs            writes test-vectors/fuzz-regressions/<kind>-<what>-<hash>.json
//   node test-vectors/lib/hostile.mjs --check    prints each input's size, writes nothing
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, NOW, buildResponse, toBase64, withAttributes } from './response.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VECTORS = join(HERE, '..');
const OUT = join(VECTORS, 'fuzz-regressions');
const IDP_CERT = readFileSync(join(VECTORS, 'keys/idp.crt'), 'utf8');
const CERT_BODY = IDP_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = `${DSIG}enveloped-signature`;
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SHA1 = `${DSIG}sha1`;
/** AWS's limit on the SAMLResponse value the browser posts (base64). */
const AWS_LIMIT = 100_000;

/** Base64 of `length` fixed bytes: a DigestValue or SignatureValue no key computed. */
function invented(length, seed) {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 73 + seed * 151 + 17) & 0xff)).toString('base64');
}
const DIGEST = invented(32, 1);
const DIGEST_SHA1 = invented(20, 3);
const SIGNATURE_VALUE = invented(256, 2);

/** A Reference to `#id`: enveloped + `c14n` transforms (none when `c14n` is null), SHA-256, an invented DigestValue. */
function reference(id, c14n = EXC_C14N, prefix = 'ds:', sha1 = false) {
  const transforms = c14n ? `<${prefix}Transforms><${prefix}Transform Algorithm="${ENVELOPED}"/><${prefix}Transform Algorithm="${c14n}"/></${prefix}Transforms>` : '';
  const [method, value] = sha1 ? [SHA1, DIGEST_SHA1] : [SHA256, DIGEST];
  return `<${prefix}Reference URI="#${id}">${transforms}<${prefix}DigestMethod Algorithm="${method}"/><${prefix}DigestValue>${value}</${prefix}DigestValue></${prefix}Reference>`;
}

/** A ds:Signature with the given References, an invented SignatureValue and, if asked, the IdP certificate. */
function signature(references, { c14n = EXC_C14N, keyInfo = true } = {}) {
  return (
    `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${c14n}"/><ds:SignatureMethod Algorithm="${RSA_SHA256}"/>` +
    `${references}</ds:SignedInfo><ds:SignatureValue>${SIGNATURE_VALUE}</ds:SignatureValue>` +
    `${keyInfo ? `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT_BODY}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` : ''}</ds:Signature>`
  );
}

/** The default response with its Assertion's signature template replaced by `sig` (a string). */
function responseWithAssertionSignature(sig, overrides = {}) {
  const xml = buildResponse({ sign: 'assertion', ...overrides });
  const edited = xml.replace(/<ds:Signature\b[\s\S]*?<\/ds:Signature>/, sig);
  if (edited === xml) throw new Error('no signature template');
  return edited;
}

const OPTIONS = { now: { $date: NOW }, certificates: [IDP_CERT] };

/**
 * 2 × 700 References to one ID that 3,300 elements carry, as the base64 a browser posts, padded to
 * 97,000 characters (under AWS's 100,000). Each Reference is bare (`<Reference URI="#d"/>`, ds as the
 * default namespace) so that all of it fits: SIG003 once labelled every duplicate for every reference
 * (about 3 GB, then `Invalid string length`).
 */
function duplicatedIdReferences() {
  const bare = (n) => `<Signature xmlns="${DSIG}"><SignedInfo><CanonicalizationMethod Algorithm="${EXC_C14N}"/><SignatureMethod Algorithm="${RSA_SHA256}"/>${'<Reference URI="#d"/>'.repeat(n)}</SignedInfo><SignatureValue>${SIGNATURE_VALUE}</SignatureValue></Signature>`;
  const carriers = `<saml:Advice>${'<e ID="d"/>'.repeat(3300)}</saml:Advice>`;
  let xml = responseWithAssertionSignature(bare(700));
  xml = xml.replace('</saml:Issuer>', `</saml:Issuer>${bare(700)}`); // the Response's Issuer comes first
  xml = xml.replace(/(<\/saml:Conditions>)/, `$1${carriers}`);
  // Pad with blanks before the end tag so the base64 is exactly 97,000 characters (3 bytes → 4 characters).
  const target = (97_000 / 4) * 3;
  if (xml.length > target) throw new Error(`the duplicated-ID response is ${xml.length} bytes, over ${target}`);
  xml = xml.replace('</samlp:Response>', `${' '.repeat(target - Buffer.byteLength(xml))}</samlp:Response>`);
  return { text: toBase64(xml), options: OPTIONS };
}

/**
 * One Signature of the Assertion with `n` References to the Assertion's own ID, ds as the default
 * namespace. With `transforms` each Reference has the enveloped and exclusive C14N transforms; without,
 * it is shorter and uses SHA-1 (so that 600 fit in 100,000 characters, with a one-letter ID).
 */
function manyReferences(n, transforms) {
  const id = transforms ? DEFAULTS.assertionId : 'a';
  const references = Array.from({ length: n }, () => reference(id, transforms ? EXC_C14N : null, '', !transforms)).join('');
  const sig = `<Signature xmlns="${DSIG}"><SignedInfo><CanonicalizationMethod Algorithm="${EXC_C14N}"/><SignatureMethod Algorithm="${RSA_SHA256}"/>${references}</SignedInfo><SignatureValue>${SIGNATURE_VALUE}</SignatureValue></Signature>`;
  return { text: responseWithAssertionSignature(sig, { assertionId: id }), options: OPTIONS };
}

/**
 * Nesting as deep as XML_LIMITS allow (63 of 64 levels) in 200 branches inside the signed Assertion's
 * AttributeValue, signed with inclusive C14N (which walks every ancestor's namespaces).
 */
function deepNesting() {
  const id = DEFAULTS.assertionId;
  // Response 1 > Assertion 2 > AttributeStatement 3 > Attribute 4 > AttributeValue 5 > 58 more.
  const branch = `${'<n>'.repeat(58)}x${'</n>'.repeat(58)}`;
  const attributes = withAttributes({ 'urn:example:deep': ['DEEP'] });
  let xml = responseWithAssertionSignature(signature(reference(id, C14N), { c14n: C14N }), { attributes });
  xml = xml.replace('>DEEP<', `>${branch.repeat(200)}<`);
  return { text: xml, options: OPTIONS };
}

/** 50 ds:Signature elements: 50 Assertions under the Response, each with its own ID and a Signature of it. */
function manySignatures() {
  const minimal = { subject: null, conditions: null, authnStatement: null, attributes: [['urn:example:n', ['1']]] };
  const one = buildResponse({ sign: 'assertion', ...minimal });
  const [start, end] = [one.indexOf('<saml:Assertion '), one.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length];
  const template = one.slice(start, end);
  const assertions = Array.from({ length: 50 }, (_, i) => {
    const id = `${DEFAULTS.assertionId}-${i}`;
    return template.replace(`ID="${DEFAULTS.assertionId}"`, `ID="${id}"`).replace(/<ds:Signature\b[\s\S]*?<\/ds:Signature>/, signature(reference(id), { keyInfo: false }));
  });
  const xml = buildResponse({ sign: 'assertion' });
  const [s, e] = [xml.indexOf('<saml:Assertion '), xml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length];
  return { text: `${xml.slice(0, s)}${assertions.join('\n  ')}${xml.slice(e)}`, options: OPTIONS };
}

/**
 * 250 namespace declarations (under the 256 attributes an element may have) on the signed Assertion and
 * again, rebinding the same prefixes, on each of 16 of its AttributeValues; signed with inclusive C14N,
 * which puts every in-scope declaration that changed on each element.
 */
function manyNamespaces() {
  const id = DEFAULTS.assertionId;
  // The same 250 prefixes each time, bound to other URIs (u:…, then v0:…, v1:…): each element rebinds all.
  const declarations = (tag) => Array.from({ length: 250 }, (_, i) => ` xmlns:p${i}="${tag}:${i}"`).join('');
  const attributes = withAttributes({ 'urn:example:namespaces': Array.from({ length: 16 }, (_, i) => `v${i}`) });
  let xml = responseWithAssertionSignature(signature(reference(id, C14N), { c14n: C14N }), { attributes });
  xml = xml.replace('<saml:Assertion ', `<saml:Assertion${declarations('u')} `);
  xml = xml.replace(/<saml:AttributeValue xsi:type="xs:string">v(\d+)</g, (_, i) => `<saml:AttributeValue xsi:type="xs:string"${declarations(`v${i}`)}>v${i}<`);
  return { text: xml, options: OPTIONS };
}

/**
 * The regressions: `name` (in the file name), `bug` (what it is and what it cost before issue 11's
 * verifier, measured on 8eafd85 with `--replay`, which takes the lesser of two runs), `make`, and, for those over
 * the budget then, `kind` and `open` (the README's protocol: an open hang is reported by the replay
 * without failing it; an open invalid result is expected to fail the unit test until the note goes).
 */
const OPEN = 'issue 11: until signatures are verified over samlint’s own DOM, in time linear in the document';
export const HOSTILE = [
  {
    name: 'sig-references-2x700-id-on-3300-elements',
    kind: 'invalid',
    open: OPEN,
    bug: 'a 97,000-character base64 response (under AWS’s 100,000) with 2 × 700 References to an ID that 3,300 elements carry: SIG003 gave each of 1,400 findings 3,300 labels (10 s, 1 GB), and JSON.stringify of the result threw Invalid string length (548 M characters)',
    make: duplicatedIdReferences,
  },
  {
    name: 'sig-references-180',
    open: OPEN,
    ms: 239,
    bug: 'a response whose Assertion Signature has 180 References (enveloped, exclusive C14N) to the Assertion: each verified over the whole document (150–240 ms in two replays, budget 211)',
    make: () => manyReferences(180, true),
  },
  {
    name: 'sig-references-600',
    open: OPEN,
    ms: 388,
    bug: 'a response whose Assertion Signature has 600 References (SHA-1, no transforms) to the Assertion, under 100,000 characters (290–390 ms in two replays, budget 293)',
    make: () => manyReferences(600, false),
  },
  {
    name: 'xml-deep-nesting-63',
    open: OPEN,
    ms: 605,
    bug: 'a signed Assertion (inclusive C14N) holding 200 branches nested 63 deep, one level under XML_LIMITS.depth (550–610 ms in two replays, budget 267)',
    make: deepNesting,
  },
  {
    name: 'sig-50-signatures',
    bug: 'a response with 50 Assertions, each with its own ID and ds:Signature (70–140 ms in two replays, within its budget of 255)',
    make: manySignatures,
  },
  {
    name: 'xml-250-namespaces-per-element',
    bug: 'a signed Assertion (inclusive C14N) with 250 namespace declarations on it and on each of 16 AttributeValues (130–180 ms in two replays, within its budget of 273)',
    make: manyNamespaces,
  },
];

function hash(record) {
  return createHash('sha256').update(record.text).update('\0').update(JSON.stringify(record.options ?? {})).update('\0').update(JSON.stringify(record.display ?? null)).digest('hex').slice(0, 12);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  for (const { name, kind = 'hang', open, ms, bug, make } of HOSTILE) {
    const { text, options } = make();
    const decoded = /^</.test(text) ? text : Buffer.from(text, 'base64').toString('utf8');
    if (text.length > AWS_LIMIT && !/^</.test(text)) throw new Error(`${name}: ${text.length} base64 characters, over AWS's ${AWS_LIMIT}`);
    if (text.length > AWS_LIMIT) throw new Error(`${name}: ${text.length} characters, over ${AWS_LIMIT}`);
    console.log(`${name}: ${text.length} characters${decoded === text ? '' : ` (${decoded.length} of XML)`}`);
    if (check) continue;
    const record = {
      kind,
      bug,
      ...(open ? { open } : {}),
      found: '2026-12-07',
      generator: `hand-made by test-vectors/lib/hostile.mjs (${name})`,
      target: 'lint',
      ...(ms ? { ms } : {}),
      limitMs: 100,
      text,
      options,
    };
    for (const old of readdirSync(OUT).filter((f) => /^[a-z]+-/.test(f) && f.replace(/^[a-z]+-/, '').startsWith(`${name}-`))) unlinkSync(join(OUT, old));
    writeFileSync(join(OUT, `${kind}-${name}-${hash(record)}.json`), `${JSON.stringify(record, null, 2)}\n`);
  }
}
