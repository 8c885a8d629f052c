#!/usr/bin/env node
// Generates the signed test vectors and manifest.json. Responses are built as text by lib/response.mjs
// and signed by xmlsec1 (Debian package `xmlsec1`), an implementation independent of samlint.
// Run: `pnpm vectors` (needs xmlsec1 on PATH). The output is committed, so tests never need xmlsec1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { CASES } from './cases/index.mjs';
import { buildResponse, signatureTemplate, toBase64, toFormBody, NOW, DEFAULTS } from './lib/response.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const KEY = join(HERE, 'keys/idp.key');
const CERT = join(HERE, 'keys/idp.crt');
const work = mkdtempSync(join(tmpdir(), 'samlint-vectors-'));

/** Signs the first `ds:Signature` template in document order with xmlsec1. */
function xmlsecSign(xml) {
  const input = join(work, 'in.xml');
  const output = join(work, 'out.xml');
  writeFileSync(input, xml);
  execFileSync('xmlsec1', [
    '--sign',
    '--privkey-pem', `${KEY},${CERT}`,
    '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
    '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response',
    '--output', output,
    input,
  ]);
  return readFileSync(output, 'utf8');
}

/** Assertion first, then the Response around it, as IdPs that sign both do. */
function buildSigned(options, sign) {
  const inner = sign === 'both' ? 'assertion' : sign;
  let xml = buildResponse({ ...options, sign: inner });
  if (inner !== 'none') xml = xmlsecSign(xml);
  if (sign === 'both') {
    const responseId = options.responseId ?? DEFAULTS.responseId;
    xml = xml.replace(/(<samlp:Response\b[^>]*>\s*<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1\n  ${signatureTemplate(responseId)}`);
    xml = xmlsecSign(xml);
  }
  return xml;
}

const CAPTURES = {
  xml: { ext: 'xml', encode: (xml) => xml },
  /** Literal text that is not XML (a paste of something else). */
  text: { ext: 'txt', encode: (text) => text },
  base64: { ext: 'b64', encode: (xml) => toBase64(xml) },
  'base64-wrapped': { ext: 'b64', encode: (xml) => `"${toBase64(xml).replace(/.{76}/g, '$&\n')}"\n` },
  form: { ext: 'txt', encode: (xml, c) => toFormBody(xml, c.options?.relayState) },
  deflate: { ext: 'b64', encode: (xml) => deflateRawSync(Buffer.from(xml)).toString('base64') },
};

const manifest = [];
const names = new Set();
for (const c of CASES) {
  if (names.has(c.name)) throw new Error(`duplicate vector name ${c.name}`);
  names.add(c.name);
  const sign = c.sign ?? 'assertion';
  const xml = c.xml ? c.xml() : buildSigned(c.response ?? {}, sign);
  const capture = CAPTURES[c.capture ?? 'xml'];
  let text = capture.encode(xml, c);
  if (c.mangle) text = c.mangle(text);
  const file = `${c.family}/${c.name}.${capture.ext}`;
  mkdirSync(join(HERE, c.family), { recursive: true });
  writeFileSync(join(HERE, file), text);
  // Every vector is linted trusting the test IdP certificate, as a user passing --cert would.
  const options = { now: NOW, certificates: ['keys/idp.crt'], ...(c.options ?? {}) };
  if (c.capture === 'form') delete options.relayState;
  manifest.push({ file, description: c.description, signed: c.xml ? 'none' : sign, options, expect: [...c.expect].sort() });
}
writeFileSync(join(HERE, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${manifest.length} vectors and manifest.json`);
