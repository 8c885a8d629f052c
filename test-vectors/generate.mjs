#!/usr/bin/env node
// Generates the signed test vectors and manifest.json. Responses are built as text by lib/response.mjs
// and signed by xmlsec1 (Debian package `xmlsec1`), an implementation independent of samlint.
// Each manifest entry also records xmlsec1's own verdict on every ds:Signature of the vector, per
// signature (`xmlsec1`, `xmlsec1Decrypted`: lib/xmlsec-verdicts.mjs, fields documented in manifest.ts).
// Run: `pnpm vectors` (needs xmlsec1 and xmllint on PATH: Debian packages `xmlsec1`, `libxml2-utils`).
// The output is committed, so tests never need either.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CASES } from './cases/index.mjs';
import { buildResponse, signatureTemplate, toBase64, toFormBody, NOW, DEFAULTS } from './lib/response.mjs';
import { toHar, toHtmlPage, toSamlTracer, toSoapEnvelope } from './lib/captures.mjs';
import { trustOf, xmlsecDecryptedVerdicts, xmlsecVerdicts } from './lib/xmlsec-verdicts.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'samlint-vectors-'));

/**
 * Signs the first `ds:Signature` template in document order with xmlsec1, using keys/<key>.key and
 * putting keys/<key>.crt in KeyInfo (keys/make-keys.sh makes them; `idp` is the one vectors trust).
 */
function xmlsecSign(xml, key) {
  const input = join(work, 'in.xml');
  const output = join(work, 'out.xml');
  writeFileSync(input, xml);
  execFileSync('xmlsec1', [
    '--sign',
    '--privkey-pem', `${join(HERE, 'keys', `${key}.key`)},${join(HERE, 'keys', `${key}.crt`)}`,
    '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
    '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response',
    '--output', output,
    input,
  ]);
  return readFileSync(output, 'utf8');
}

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
/** Content algorithms by name: their URI and the session key xmlsec1 generates for them. */
const CONTENT_ALGORITHMS = {
  'aes128-cbc': [`${XENC}aes128-cbc`, 'aes-128'],
  'aes256-cbc': [`${XENC}aes256-cbc`, 'aes-256'],
  'aes128-gcm': [`${XENC11}aes128-gcm`, 'aes-128'],
  'aes256-gcm': [`${XENC11}aes256-gcm`, 'aes-256'],
};

/**
 * Encrypts the (signed) Assertion to keys/sp.crt with xmlsec1 and wraps the EncryptedData in a
 * saml:EncryptedAssertion. `encrypt` is `true` (AES-256-CBC content, RSA-OAEP key transport, as AWS
 * lists) or `{ content, keyTransport, placement }`: a CONTENT_ALGORITHMS name, `rsa-oaep-mgf1p` or
 * `rsa-1_5`, and `inline` (the EncryptedKey in the EncryptedData's KeyInfo, as xmlsec1 writes it) or
 * `peer` (moved beside the EncryptedData and named by a RetrievalMethod, as OpenSAML places it; only
 * the markup moves, so xmlsec1 still decrypts it). The session key and IV are random, so encrypted
 * vectors get new bytes on every run; their expectations do not change.
 */
function xmlsecEncryptAssertion(xml, encrypt) {
  const { content = 'aes256-cbc', keyTransport = 'rsa-oaep-mgf1p', placement = 'inline' } = encrypt === true ? {} : encrypt;
  const [contentUri, sessionKey] = CONTENT_ALGORITHMS[content];
  const data = join(work, 'data.xml');
  const template = join(work, 'encrypt-template.xml');
  const output = join(work, 'encrypted.xml');
  writeFileSync(data, xml);
  writeFileSync(
    template,
    `<xenc:EncryptedData xmlns:xenc="${XENC}" Type="${XENC}Element">` +
      `<xenc:EncryptionMethod Algorithm="${contentUri}"/>` +
      '<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey>' +
      `<xenc:EncryptionMethod Algorithm="${XENC}${keyTransport}"/>` +
      '<xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>' +
      '<xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedData>',
  );
  execFileSync('xmlsec1', [
    '--encrypt',
    '--pubkey-cert-pem', join(HERE, 'keys/sp.crt'),
    '--session-key', sessionKey,
    '--xml-data', data,
    '--node-xpath', "//*[local-name()='Assertion']",
    '--output', output,
    template,
  ]);
  return readFileSync(output, 'utf8').replace(/<xenc:EncryptedData\b[\s\S]*<\/xenc:EncryptedData>/, (encrypted) => {
    if (placement !== 'peer') return `<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>`;
    const key = /<xenc:EncryptedKey>[\s\S]*<\/xenc:EncryptedKey>/.exec(encrypted)[0];
    const named = encrypted.replace(key, `<ds:RetrievalMethod Type="${XENC}EncryptedKey" URI="#_ek1"/>`);
    return `<saml:EncryptedAssertion>${named}${key.replace('<xenc:EncryptedKey>', `<xenc:EncryptedKey xmlns:xenc="${XENC}" Id="_ek1">`)}</saml:EncryptedAssertion>`;
  });
}

/**
 * Assertion first, then the Response around it, as IdPs that sign both do; with `encrypt`, the signed
 * Assertion is encrypted before the Response is signed (sign, then encrypt, as SAML core §6.1 shows).
 */
function buildSigned(options, sign, key, encrypt) {
  const inner = sign === 'both' ? 'assertion' : sign;
  let xml = buildResponse({ ...options, sign: inner });
  if (inner !== 'none') xml = xmlsecSign(xml, key);
  if (encrypt) xml = xmlsecEncryptAssertion(xml, encrypt);
  if (sign === 'both') {
    const responseId = options.responseId ?? DEFAULTS.responseId;
    const template = signatureTemplate(responseId, options.signatureAlgorithms);
    xml = xml.replace(/(<samlp:Response\b[^>]*>\s*<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1\n  ${template}`);
    xml = xmlsecSign(xml, key);
  }
  return xml;
}

const CAPTURES = {
  xml: { ext: 'xml', encode: (xml) => xml },
  /** Literal text that is not XML (a paste of something else). */
  text: { ext: 'txt', encode: (text) => text },
  /** Literal JSON (an IAM policy as the input). */
  json: { ext: 'json', encode: (text) => text },
  /** Terraform source (an IdP's configuration as code). */
  tf: { ext: 'tf', encode: (text) => text },
  base64: { ext: 'b64', encode: (xml) => toBase64(xml) },
  'base64-wrapped': { ext: 'b64', encode: (xml) => `"${toBase64(xml).replace(/.{76}/g, '$&\n')}"\n` },
  form: { ext: 'txt', encode: (xml, c) => toFormBody(xml, c.options?.relayState) },
  /** A HAR 1.2 file (lib/captures.mjs) with this login and the case's `logins` after it; `har` shapes each login. */
  har: { ext: 'har', encode: (xml, c, more) => toHar([xml, ...more].map((x) => ({ xml: x, relayState: c.options?.relayState, ...c.har }))) },
  /** A SAML-tracer export; `tracer` is `{ profile, legacy }`. */
  'saml-tracer': { ext: 'json', encode: (xml, c, more) => toSamlTracer([xml, ...more].map((x) => ({ xml: x, relayState: c.options?.relayState })), c.tracer) },
  deflate: { ext: 'b64', encode: (xml) => deflateRawSync(Buffer.from(xml)).toString('base64') },
  /** The IdP's auto-submit page (lib/captures.mjs); `html` is `{ style }`. */
  html: { ext: 'html', encode: (xml, c) => toHtmlPage(xml, { relayState: c.options?.relayState, ...c.html }) },
  /** The SOAP envelope of an ECP client's answer from the IdP, the Response in its Body. */
  soap: { ext: 'xml', encode: (xml) => toSoapEnvelope(xml) },
};

/** The test IdP's metadata as IAM holds it (its signing certificate is keys/idp.crt), for --metadata. */
function writeIdpMetadata() {
  const certificate = readFileSync(join(HERE, 'keys/idp.crt'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
  const metadata =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${DEFAULTS.issuer}">\n` +
    '  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n' +
    `    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n` +
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n' +
    '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://example.okta.com/app/aws/exk1a2b3c4d5e6f7g8h9/sso/saml"/>\n' +
    '  </md:IDPSSODescriptor>\n' +
    '</md:EntityDescriptor>\n';
  mkdirSync(join(HERE, 'metadata'), { recursive: true });
  writeFileSync(join(HERE, 'metadata/idp-metadata.xml'), metadata);
}

/** Text that is an XML document (what samlint parses as XML), after a byte order mark and blanks. */
function looksLikeXml(text) {
  return typeof text === 'string' && /^\uFEFF?\s*</.test(text);
}

/**
 * The XML documents samlint reads from a vector: `{ documents, note }`. An `xml` capture is its own final
 * text. Other captures encode the built XML, which is the document unless `mangle` changed the encoded
 * text; then a base64, form-body or deflate capture is decoded the plain way (a base64 text with a
 * character outside the alphabet is not decoded), and a HAR file or SAML-tracer export is not.
 */
function documentsOf(c, captureName, xml, more, text) {
  if (captureName === 'xml') return { documents: looksLikeXml(String(text)) || Buffer.isBuffer(text) ? [text] : [] };
  // The envelope is the document: the Response's signatures resolve their references in it.
  if (captureName === 'soap') return { documents: [text] };
  if (!c.mangle) return { documents: [xml, ...more].filter((d) => looksLikeXml(d)) };
  const base64 = (value) => {
    const compact = value.replace(/^\s*"|"\s*$/g, '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
    return Buffer.from(compact, 'base64');
  };
  let decoded = null;
  if (captureName === 'base64' || captureName === 'base64-wrapped') decoded = base64(text)?.toString('utf8') ?? null;
  else if (captureName === 'form') decoded = base64(new URLSearchParams(text).get('SAMLResponse') ?? '')?.toString('utf8') ?? null;
  else if (captureName === 'deflate') {
    try {
      decoded = inflateRawSync(base64(text) ?? Buffer.alloc(0)).toString('utf8');
    } catch {
      decoded = null;
    }
  } else if (captureName === 'har' || captureName === 'saml-tracer') {
    return { documents: [], note: `not verified: the case's mangle rewrote the ${captureName} text` };
  }
  if (decoded !== null && looksLikeXml(decoded)) return { documents: [decoded], note: `verified on the ${captureName} text decoded after the case's mangle` };
  return { documents: [], note: `not verified: after the case's mangle the ${captureName} text does not decode to XML` };
}

/**
 * xmlsec1's verdicts for a vector's manifest entry (test-vectors/manifest.ts documents the fields):
 * every ds:Signature of each document, trusting what the vector trusts, and those of the decrypted
 * Assertion when the vector has a decryption key.
 */
function xmlsecFields(c, captureName, xml, more, text, options) {
  const { documents, note } = documentsOf(c, captureName, xml, more, text);
  const notes = note ? [note] : [];
  if (!documents.length) return { ...(notes.length ? { xmlsec1Note: notes.join('; ') } : {}) };
  const trust = trustOf(options, HERE);
  if (trust.skipped.length) notes.push(`not a certificate, so not trusted: ${trust.skipped.join(', ')}`);
  const [first, ...others] = documents.map((d) => xmlsecVerdicts(d, trust));
  const fields = { xmlsec1: first.records };
  if (others.length) fields.xmlsec1Logins = others.map((o) => o.records);
  if (!first.parsed) notes.push('libxml2 does not parse the document');
  if (options.decryptionKey) {
    const decrypted = xmlsecDecryptedVerdicts(documents[0], join(HERE, options.decryptionKey), trust);
    if (decrypted.records) fields.xmlsec1Decrypted = decrypted.records;
    else notes.push(`xmlsec1Decrypted missing: xmlsec1 --decrypt with ${options.decryptionKey} failed`);
  }
  if (notes.length) fields.xmlsec1Note = notes.join('; ');
  return fields;
}

// The metadata first: vectors that trust it are verified with its certificate.
writeIdpMetadata();
const manifest = [];
const names = new Set();
for (const c of CASES) {
  if (names.has(c.name)) throw new Error(`duplicate vector name ${c.name}`);
  names.add(c.name);
  const sign = c.sign ?? 'assertion';
  const key = c.key ?? 'idp';
  // `build` makes a document xmlsec1 signs in several steps (signed Assertions embedded in another that is
  // signed after them): it gets xmlsec1's signing of the first template, and the generator's usual build.
  const xml = c.xml
    ? c.xml()
    : c.build
      ? c.build({ sign: (text, k = key) => xmlsecSign(text, k), signed: (response, how = sign, encrypt = false) => buildSigned(response, how, key, encrypt) })
      : buildSigned(c.response ?? {}, sign, key, c.encrypt ?? false);
  const captureName = c.capture ?? 'xml';
  const capture = CAPTURES[captureName];
  // More logins for captures that hold several (a HAR file, a SAML-tracer export): `{ response, sign }` each.
  const more = (c.logins ?? []).map((l) => buildSigned(l.response ?? {}, l.sign ?? 'assertion', 'idp', false));
  let text = capture.encode(xml, c, more);
  if (c.mangle) text = c.mangle(text);
  const file = `${c.family}/${c.name}.${capture.ext}`;
  mkdirSync(join(HERE, c.family), { recursive: true });
  writeFileSync(join(HERE, file), text);
  // Every vector is linted trusting the test IdP certificate, as a user passing --cert would.
  const options = { now: NOW, certificates: ['keys/idp.crt'], ...(c.options ?? {}) };
  // The capture carries the relay state (a masked one is the point of its case).
  if (['form', 'har', 'saml-tracer', 'html'].includes(c.capture)) delete options.relayState;
  const entry = { file, description: c.description, signed: c.xml ? 'none' : sign, options, expect: [...c.expect].sort() };
  manifest.push({ ...entry, ...xmlsecFields(c, captureName, xml, more, text, options) });
}
writeFileSync(join(HERE, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${manifest.length} vectors and manifest.json`);
