#!/usr/bin/env node
// `pnpm fuzz`: property-based fuzzing of capture → decode → parse → rules over the built core
// (packages/core/dist), seeded from test-vectors/. See docs/fuzzing.md.
//
//   node scripts/fuzz.mjs [--seconds N | --minutes N] [--runs N] [--seed N] [--hang-ms 100]
//                         [--stall-seconds 10] [--workers 1] [--out DIR] [--no-write] [--quiet]
//   node scripts/fuzz.mjs --replay FILE.json...      re-run saved findings and print what happens
//   node scripts/fuzz.mjs --dump BATCH:INDEX --seed N print one generated case as a regression file
//
// Every input is timed (the lesser of wall-clock and CPU time). An exception is a crash, a malformed
// result (a finding whose column is not a number, …) an invalid result; an input over --hang-ms on its
// first run and on two more after a full GC is a hang, profiled to name where the time goes; an input
// still running after --stall-seconds is a hang the watchdog found (the worker is killed, a new one
// goes on with the next batch). Findings are written, minimised where
// possible, to test-vectors/fuzz-regressions/<kind>-<hash>.json, which the core's fuzz-regressions test
// lints. Exit status: 0 when nothing was found, 1 when something was, 2 on a usage error.
//
// Inputs are generated in batches: batch b of a run with seed s is always the same cases, so a case is
// named by (seed, batch, index) and can be regenerated (`--dump`).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import inspector from 'node:inspector';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import * as R from '../test-vectors/lib/response.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VECTORS = join(ROOT, 'test-vectors');
const DIST = join(ROOT, 'packages/core/dist/index.js');
const DEFAULT_OUT = join(VECTORS, 'fuzz-regressions');

/** Cases per batch (one fast-check sample). */
const BATCH = 64;
/**
 * Inputs (and each text of their context: user list, metadata, …) are kept at or under this many
 * characters, 1.3 times AWS's 100,000-character limit on a SAMLResponse. The 100 ms budget is for
 * inputs of that size: lint time grows linearly with size (the 1.3 MB bench vector takes about
 * 200 ms), so the vectors above it (capture/too-large.b64, bench/bench-1mb.b64) are not seeds.
 */
const MAX_TEXT = 131_072;
/**
 * The hang budget (--hang-ms) holds flat for inputs up to AWS's 100,000 characters, text and context
 * together (issue 11: any input AWS would take lints in 100 ms, whatever its shape); above it the
 * budget grows in proportion, since parsing and verifying are linear in the document and pnpm bench
 * tracks that cost.
 */
const LINEAR_FROM = 100_000;

/**
 * Characters samlint works through: the input (or, if larger, the XML it decodes to: a deflated capture
 * inflates up to the core's MAX_INFLATED_LENGTH) and every text of its context.
 */
function inputSize(core, c) {
  const context = Object.values(c.options ?? {});
  const decoded = core.decodeCapture(c.text).xml?.length ?? 0;
  return Math.max(c.text.length, decoded) + context.reduce((n, v) => n + (typeof v === 'string' ? v.length : Array.isArray(v) ? v.join('').length : 0), 0);
}

/**
 * Terraform source is read by an HCL parser at some 0.2 µs of CPU a character, 1 µs in a file of
 * nothing but short attributes, and a file over the reader's MAX_SOURCE_LENGTH is not parsed
 * (packages/core/src/idp-config/terraform-source.ts): its budget grows in proportion from this many
 * characters. No SAMLResponse is Terraform source, so issue 11's budget above is untouched.
 */
const TERRAFORM_LINEAR_FROM = 20_000;

/** The core, with the Terraform source reader's own test of a text (not part of the core's API). */
async function loadCore() {
  const core = await import(pathToFileURL(DIST).href);
  const { mayBeTerraformSource } = await import(pathToFileURL(join(dirname(DIST), 'idp-config/terraform-source.js')).href);
  return { ...core, mayBeTerraformSource };
}

/** The time an input may take before it counts as a hang: --hang-ms, in proportion above LINEAR_FROM (TERRAFORM_LINEAR_FROM for Terraform source). */
function hangBudget(core, c, hangMs) {
  const from = core.mayBeTerraformSource(c.text) ? TERRAFORM_LINEAR_FROM : LINEAR_FROM;
  return hangMs * Math.max(1, inputSize(core, c) / from);
}
const SEED_LIMIT = MAX_TEXT;

// ---------------------------------------------------------------------------------------------------
// Arguments

const USAGE =
  'usage: node scripts/fuzz.mjs [--seconds N | --minutes N] [--runs N] [--seed N] [--hang-ms N] [--stall-seconds N] [--workers N] [--out DIR] [--no-write] [--quiet]\n' +
  '       node scripts/fuzz.mjs --replay FILE.json...\n' +
  '       node scripts/fuzz.mjs --dump BATCH:INDEX --seed N';

function parseArgs(argv) {
  const args = { seconds: 60, runs: Infinity, seed: undefined, hangMs: 100, stallSeconds: 10, workers: 1, out: DEFAULT_OUT, write: true, quiet: false, replay: [], dump: undefined };
  const number = (flag, value, min = 0) => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < min) usage(`${flag} needs a number >= ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--seconds') args.seconds = number(a, next());
    else if (a === '--minutes') args.seconds = number(a, next()) * 60;
    else if (a === '--runs') args.runs = number(a, next(), 1);
    else if (a === '--seed') args.seed = Math.floor(number(a, next())) >>> 0;
    else if (a === '--hang-ms') args.hangMs = number(a, next(), 1);
    else if (a === '--stall-seconds') args.stallSeconds = number(a, next(), 1);
    else if (a === '--workers') args.workers = Math.floor(number(a, next(), 1));
    else if (a === '--out') args.out = next() ?? usage('--out needs a folder');
    else if (a === '--no-write') args.write = false;
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--replay') {
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args.replay.push(argv[++i]);
      if (!args.replay.length) usage('--replay needs a file');
    } else if (a === '--dump') {
      const m = /^(\d+):(\d+)$/.exec(next() ?? '');
      if (!m) usage('--dump needs BATCH:INDEX');
      args.dump = { batch: Number(m[1]), index: Number(m[2]) };
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown argument ${a}`);
  }
  return args;
}

function usage(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------
// Seeds: every vector of the manifest (but the bench vectors over SEED_LIMIT), decoded once so XML-level
// mutations can work on the document inside a base64 or form-body capture, plus a few built ones.

function readVector(file) {
  return readFileSync(join(VECTORS, file), 'utf8');
}

const IDP_CERT = readVector('keys/idp.crt');
const IDP_KEY = readVector('keys/idp.key');
const CERT_BODY = IDP_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
const USER_FILES = ['users/connect-users.csv', 'users/connect-users.json', 'users/no-login-column.csv'].map(readVector);
const POLICY_FILES = readdirSync(join(VECTORS, 'policies')).sort().map((file) => readVector(`policies/${file}`));

function metadataXml({ entityId = 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9', certs = [CERT_BODY], use = 'signing', validUntil = null, sso = 'https://idp.example.com/sso', extra = '' } = {}) {
  const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const keys = certs
    .map((c) => `<md:KeyDescriptor${use === null ? '' : ` use="${esc(use)}"`}><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${esc(c)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
    .join('\n    ');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(entityId)}"${validUntil === null ? '' : ` validUntil="${esc(validUntil)}"`}>\n` +
    '  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n' +
    `    ${keys}\n` +
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n' +
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(sso)}"/>${extra}\n` +
    '  </md:IDPSSODescriptor>\n</md:EntityDescriptor>\n'
  );
}

/** HCL the Terraform vectors do not show: escapes, a heredoc, jsonencode, a dynamic block, expressions the reader does not evaluate. */
const TERRAFORM_SYNTAX = `resource "okta_app_saml" "aws" {
  label             = "AWS \\"federation\\" \\u00e9 $\${x} %%{y}"
  preconfigured_app = "amazon_aws"
  app_settings_json = jsonencode({
    sessionDuration = 43200
    "awsEnvironmentType" = "aws.amazon"
    nested = [1, -2, true, null, { a = "b" }]
  })
  default_relay_state = <<-EOT
    https://eu-west-2.console.aws.amazon.com/connect/federate/x?destination=%2Fagent-app-v2
  EOT
  audience = var.env == "prod" ? "urn:amazon:webservices" : local.audience
  recipient = "https://\${var.region}.signin.aws.amazon.com/saml"
  dynamic "attribute_statements" {
    for_each = { for k, v in var.statements : k => v if v != null }
    content {
      name   = attribute_statements.key
      values = [attribute_statements.value]
    }
  }
}
`;

function loadSeeds(core) {
  const manifest = JSON.parse(readFileSync(join(VECTORS, 'manifest.json'), 'utf8'));
  const seeds = [];
  for (const entry of manifest) {
    const text = readVector(entry.file);
    if (text.length > SEED_LIMIT) continue;
    // The manifest names context files (users, certificates, …) relative to test-vectors/.
    const options = {};
    const resolve = (value) => (typeof value === 'string' && /^[\w./-]+\.\w+$/.test(value) && existsSync(join(VECTORS, value)) ? readVector(value) : value);
    for (const [key, value] of Object.entries(entry.options ?? {})) options[key] = Array.isArray(value) ? value.map(resolve) : resolve(value);
    seeds.push(seedOf(core, entry.file, text, options));
  }
  const cleanOptions = { now: R.NOW, relayState: R.RELAY_STATE, users: USER_FILES[0] };
  seeds.push(seedOf(core, 'built/clean', R.buildResponse(), cleanOptions));
  seeds.push(seedOf(core, 'built/templates-both', R.buildResponse({ sign: 'both', assertionCount: 2 }), cleanOptions));
  seeds.push(seedOf(core, 'built/form-body', R.toFormBody(R.buildResponse()), { now: R.NOW }));
  seeds.push(seedOf(core, 'built/terraform-syntax', TERRAFORM_SYNTAX, { now: R.NOW }));
  seeds.push(seedOf(core, 'built/metadata', metadataXml(), {}));
  seeds.push(seedOf(core, 'built/metadata-group', `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${metadataXml().replace(/^<\?xml[^>]*>\n/, '')}</md:EntitiesDescriptor>`, {}));
  return seeds;
}

function seedOf(core, name, text, options) {
  const capture = core.decodeCapture(text);
  const deflated = capture.problems.some((p) => p.kind === 'deflated');
  // A HAR file, SAML-tracer export, policy or IdP configuration (JSON, Terraform source) is mutated as the
  // text it is, an IdP configuration in another text form (the AD FS list view) as its text.
  const terraform = core.mayBeTerraformSource(text);
  const configText = name.startsWith('idp-config/') && capture.detected !== 'json' && !terraform;
  const form = configText ? 'text' : capture.detected === 'json' || terraform ? 'json' : capture.detected === 'xml' ? 'xml' : capture.detected === 'form-body' ? 'form' : deflated ? 'deflate' : 'base64';
  return { name, text, options, xml: capture.xml ?? text, form };
}

// ---------------------------------------------------------------------------------------------------
// Value generators

const NOW_MS = Date.parse(R.NOW);
const REGIONS = ['eu-west-2', 'us-east-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1', 'ca-central-1', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'af-south-1', 'EU-WEST-2', 'eu-west-99', ''];
const AWS_NAMES = [R.AWS.role, R.AWS.roleSessionName, R.AWS.sessionDuration, R.AWS.sourceIdentity, R.AWS.transitiveTagKeys, R.AWS.principalTag('Team'), R.AWS.principalTag(''), R.AWS.principalTag('team'), 'https://aws.amazon.com/SAML/Attributes/role', 'https://aws.amazon.com/saml/attributes/Role', 'https://aws.amazon.com/SAML/Attributes/Role ', 'http://aws.amazon.com/SAML/Attributes/Role', 'Role', 'RoleSessionName', 'https://aws.amazon.com/SAML/Attributes/RoleSessionName\u200b', 'urn:oid:0.9.2342.19200300.100.1.3', 'mail'];
const SPECIALS = ['<', '>', '&', '&amp;', '&lt;', '&#0;', '&#x0;', '&#xD800;', '&#x10FFFF;', '&#99999999999;', '&#x;', '&unknown;', '&amp', '"', "'", '<!--', '-->', '<!---->', '<!-- -- -->', '<![CDATA[', ']]>', '<![CDATA[x]]>', '<?pi x?>', '<?xml version="1.0"?>', '</saml:Assertion>', '<saml:Assertion>', '</samlp:Response>', '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a2b8d4e6f0a1c4e3b9d7f02"/>', '<saml:AttributeValue/>', '<saml:Attribute/>', '<x:y/>', '<:a/>', '</>', ' xmlns:saml="x"', ' xmlns=""', ' xmlns:xml="x"', ' xml:space="preserve"', ' ID="_a2b8d4e6f0a1c4e3b9d7f02"', ' ID=""', ' a="1" a="2"', '\u0000', '\u0001', '\uFFFE', '\uFFFF', '\uFEFF', '\uD800', '\uDFFF', '\u2028', '\u202E', '\r', '\r\n', '\t', '\v', '%', '%2', '%25', '%2B', '%3D', '%00', '%uD800', '+', '=', '==', '\\n', '\\u003c', '<!DOCTYPE x>', '<!ENTITY x "y">', 'SAMLResponse=', '&RelayState=', 'SAMLRequest=', '&', '?'];

const SHORT = [
  '', ' ', '\u0000', '\uFFFE', '\uD800', '\uDC00', '\u202E', '\u200B', 'é', 'e\u0301', '𝒜', '👩‍💻', '\r\n', '\n', '\t', '&', '<', '>', ']]>', '"', "'", ',', ', ', '+', '=', '%', '%%', '%2B', '%252B', '%E9', '%C3%A9', '\\n', 'null', 'undefined', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'NaN', '-1', '0', '1e400', '9007199254740993',
  'jane.doe@example.com', 'Jane.Doe@example.com', 'jane.doe+agent@example.com', 'jane doe', 'JANE', 'arn:aws:iam::123456789012:role/ConnectAgent', R.ROLE_ARN + ',' + R.PROVIDER_ARN, R.PROVIDER_ARN + ',' + R.ROLE_ARN, R.ROLE_ARN + ', ' + R.PROVIDER_ARN, R.ROLE_ARN + ',', 'arn:aws-us-gov:iam::123456789012:role/r,arn:aws-us-gov:iam::123456789012:saml-provider/p', 'arn:aws-cn:iam::123456789012:role/r,arn:aws-cn:iam::123456789012:saml-provider/p', 'arn:aws:iam::12345678901:role/r,arn:aws:iam::123456789012:saml-provider/p',
  '43200', '900', '899', '43201', '3600.5', 'aws:x', 'urn:amazon:webservices', 'urn:amazon:webservices:govcloud', 'urn:amazon:connect', 'https://signin.aws.amazon.com/saml', R.ACS, R.RELAY_STATE, R.INSTANCE_ID, 'urn:oasis:names:tc:SAML:2.0:status:Success', 'urn:oasis:names:tc:SAML:2.0:status:Responder', 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', 'urn:oasis:names:tc:SAML:2.0:cm:bearer', 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
];

const utf16Char = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const smallString = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: utf16Char, maxLength: 12 }));
/** Strings that matter to a SAML linter: specials, unicode, empty, and very long ones. */
// Very long values are 1 in 50: a structured case has some 25 values, and most should stay small.
const valueArb = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...SHORT) },
  { weight: 15, arbitrary: smallString },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 4, arbitrary: fc.string({ unit: utf16Char, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '𝒜', '&', '<', ' ', '%2B', 'jane.doe@example.com,', '\u0000', 'x\n'), fc.integer({ min: 100, max: 20_000 })).map(([s, n]) => s.repeat(n)) },
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...SHORT), fc.constantFrom(...SHORT), smallString).map((p) => p.join('')) },
);
const ODD_DATES = ['2026-11-27T09:00:30Z', '2026-11-27T09:00:30', '2026-11-27', '2026-02-30T00:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T09:00:60Z', '2026-11-27T09:00:30.123456789Z', '2026-11-27T09:00:30.Z', '2026-11-27T09:00:30+14:00', '2026-11-27T09:00:30-12:00', '2026-11-27T09:00:30+99:99', '2026-11-27T09:00:30z', '2026-11-27 09:00:30Z', ' 2026-11-27T09:00:30Z ', '0000-01-01T00:00:00Z', '-0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '+275760-09-13T00:00:00.001Z', '-271821-04-20T00:00:00Z', '1970-01-01T00:00:00Z', '2026-W48', '1764234030', '1764234030000', 'Fri, 27 Nov 2026 09:00:30 GMT', 'now', 'Infinity', ''];
const dateArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -86_400 * 2, max: 86_400 * 2 }).map((s) => new Date(NOW_MS + s * 1000).toISOString().replace('.000Z', 'Z')) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: valueArb },
);
const uuidArb = fc.oneof(fc.constant(R.INSTANCE_ID), fc.uuid(), fc.constantFrom('', 'not-a-uuid', R.INSTANCE_ID.toUpperCase(), R.INSTANCE_ID.slice(0, -1)), smallString);
const regionArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...REGIONS) }, { weight: 1, arbitrary: smallString });
/** encodeURIComponent, n times; a lone surrogate (which it refuses) goes as U+FFFD, as a browser sends it. */
const encodeLayers = (s, n) => {
  for (let i = 0; i < n; i++) s = encodeURIComponent(s.toWellFormed());
  return s;
};
const urlArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(R.ACS, 'https://signin.aws.amazon.com/saml', 'http://signin.aws.amazon.com/saml', 'https://signin.aws.amazon.com/static/saml', 'https://us-gov.signin.aws.amazon.com/saml', 'https://signin.amazonaws.cn/saml', 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0', 'https://123456789012.signin.aws.amazon.com/console', R.RELAY_STATE) },
  { weight: 2, arbitrary: fc.record({ region: regionArb, scheme: fc.constantFrom('https', 'http', 'HTTPS', ''), host: fc.constantFrom('signin.aws.amazon.com/saml', 'console.aws.amazon.com/connect/federate/', 'my.connect.aws/', 'awsapps.com/connect/') }).map((u) => `${u.scheme}://${u.region}${u.region ? '.' : ''}${u.host}`) },
  { weight: 1, arbitrary: valueArb },
);
const relayArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(R.RELAY_STATE) },
  {
    weight: 3,
    arbitrary: fc
      .record({ scheme: fc.constantFrom('https', 'http'), region: regionArb, id: uuidArb, host: fc.constantFrom('console.aws.amazon.com/connect/federate', 'console.amazonaws-us-gov.com/connect/federate', 'console.aws.amazon.com/connect/federate/', 'my.connect.aws'), destination: fc.option(fc.oneof(fc.constantFrom('/agent-app-v2/', '/connect/ccp-v2', 'https://evil.example/', '/ccp-v2?x=1&y=2', '/agent-app-v2/?new_domain=true'), smallString)), layers: fc.integer({ min: 0, max: 3 }), query: fc.option(smallString) })
      .map((r) => `${r.scheme}://${r.region}${r.region ? '.' : ''}${r.host}/${r.id}${r.destination === null ? '' : `?destination=${encodeLayers(r.destination, r.layers)}`}${r.query === null ? '' : `&${r.query}`}`),
  },
  { weight: 2, arbitrary: valueArb },
);
const csvRow = fc.array(valueArb, { maxLength: 12 }).map((cells) => cells.map((c) => (/[",\n]/.test(c) && c.length % 2 ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
const usersArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...USER_FILES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...USER_FILES), fc.nat(), fc.nat(64), fc.constantFrom('', '"', ',', '\n', '\r\n', '\uFEFF', '{', ']', 'x@example.com', '\u0000')).map(([t, at, del, ins]) => { const i = at % (t.length + 1); return t.slice(0, i) + ins + t.slice(i + del); }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('user login', 'first name,last name,user login', 'Username', 'email', '\uFEFFuser login', 'USER LOGIN', ''), fc.array(csvRow, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([h, rows, nl]) => [h, ...rows].join(nl)) },
  { weight: 2, arbitrary: fc.array(fc.record({ Username: fc.oneof(valueArb, fc.integer(), fc.constant(null)), Id: fc.option(uuidArb) }, { requiredKeys: [] }), { maxLength: 10 }).chain((list) => fc.constantFrom(JSON.stringify({ UserSummaryList: list }), JSON.stringify(list), JSON.stringify({ Users: list }), JSON.stringify({ UserSummaryList: list }).slice(0, -1))) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', ',,,', '"', '[]', '{}', 'null', '0', '[{"Username": 5}]', '{"UserSummaryList": null}', '{"UserSummaryList": [null]}', '{"__proto__": {"x": 1}}'), valueArb) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 5000 }).map((n) => ['user login', ...Array.from({ length: n }, (_, i) => `user${i}@example.com`)].join('\n')) },
);
const certArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(IDP_CERT) },
  { weight: 1, arbitrary: fc.constantFrom(CERT_BODY, IDP_CERT.replace(/\n/g, '\r\n'), IDP_CERT + IDP_CERT, IDP_CERT.trim(), `  ${IDP_CERT}  `, IDP_KEY, '', 'garbage', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', CERT_BODY.slice(0, 100), Buffer.from(CERT_BODY, 'base64').toString('latin1')) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('A', '/', '=', ' ', '\n', '-', '!', '')).map(([at, ch]) => { const i = 28 + (at % (IDP_CERT.length - 56)); return IDP_CERT.slice(0, i) + ch + IDP_CERT.slice(i + 1); }) },
  { weight: 1, arbitrary: valueArb },
);
const metadataArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ entityId: fc.oneof(fc.constant('http://www.okta.com/exk1a2b3c4d5e6f7g8h9'), valueArb), certs: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(CERT_BODY) }, { weight: 1, arbitrary: valueArb }), { maxLength: 3 }), use: fc.constantFrom('signing', 'encryption', null, 'Signing', ''), validUntil: fc.option(dateArb), sso: urlArb }).map(metadataXml) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', '<md:EntityDescriptor/>', '<x/>', IDP_CERT, R.buildResponse()), valueArb) },
);
/** IAM policies: the vectors' own, changed a little, random JSON, or not JSON at all. */
const policyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POLICY_FILES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...POLICY_FILES), fc.nat(), fc.nat(16), fc.constantFrom('', '"', ',', '[', '{}', '*', 'sts:*', 'StringLike', '"SAML:aud"', 'null', '\u0000')).map(([t, at, del, ins]) => { const i = at % (t.length + 1); return t.slice(0, i) + ins + t.slice(i + del); }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify({ Version: '2012-10-17', Statement: value })) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', '{', '[]', 'null', `{"Statement":${'['.repeat(80)}`), valueArb) },
);
const optionsArb = fc.record(
  {
    profile: fc.constantFrom('aws', 'generic', 'aws', 'generic', 'other'),
    sp: fc.record({ audience: fc.oneof(fc.constantFrom('urn:amazon:webservices', 'https://sp.example.com'), valueArb), acs: urlArb, issuer: fc.oneof(fc.constant('http://www.okta.com/exk1a2b3c4d5e6f7g8h9'), valueArb), inResponseTo: fc.oneof(fc.constantFrom('_r7f3c2a9e41b04d5c8f6e01', 'id-123'), valueArb) }, { requiredKeys: [] }),
    now: fc.oneof({ weight: 4, arbitrary: dateArb }, { weight: 1, arbitrary: dateArb.map((d) => ({ $date: d })) }),
    clockSkew: fc.oneof(fc.constantFrom(0, -1, 60, 300, 0.5, 1e9, -1e9, Number.MAX_SAFE_INTEGER), fc.integer(), fc.constantFrom({ $number: 'NaN' }, { $number: 'Infinity' }, { $number: '-Infinity' })),
    region: regionArb,
    instanceId: uuidArb,
    relayState: relayArb,
    users: usersArb,
    certificates: fc.array(certArb, { maxLength: 3 }),
    metadata: metadataArb,
    decryptionKey: fc.oneof(fc.constantFrom(IDP_KEY, IDP_CERT, ''), valueArb),
    trustPolicy: policyArb,
    permissionPolicy: policyArb,
  },
  { requiredKeys: [] },
);
/** Whose context a case is linted with: its vector's, random, the vector's with random changes, none. */
const contextArb = fc.record({ mode: fc.constantFrom('vector', 'vector', 'random', 'merged', 'merged', 'none'), random: optionsArb, trust: fc.boolean() });
const displayArb = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.record({ redact: fc.boolean(), raw: fc.boolean() }) });

function contextFor(plan, vectorOptions) {
  let options;
  if (plan.mode === 'vector') options = { ...vectorOptions };
  else if (plan.mode === 'random') options = { ...plan.random };
  else if (plan.mode === 'merged') options = { ...vectorOptions, ...plan.random };
  else options = {};
  // Signed vectors are signed with keys/idp.crt's key: trusting it in some runs lets verification run.
  if (plan.trust && !options.certificates) options.certificates = [IDP_CERT];
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Mutations. Each is { op, ...params } with plain numbers, so fast-check generates (and the case can be
// regenerated from) plain data; apply() turns it into text.

const pos = (s, n) => n % (s.length + 1);
function tagStarts(s) {
  const out = [];
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) out.push(i);
  return out;
}
const alignedPos = (s, n) => {
  const starts = tagStarts(s);
  return starts.length ? starts[n % starts.length] : pos(s, n);
};
const escText = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (v) => escText(v).replace(/"/g, '&quot;');
const ASSERTION = /<([\w.-]+:)?Assertion\b[\s\S]*?<\/([\w.-]+:)?Assertion>/;
const pick = (list, n) => list[n % list.length];
const bigCount = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 250, max: 270 }), fc.integer({ min: 500, max: 1000 }));

const OPS = {
  flip: { arb: fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 15 }) }), apply: (s, p) => { if (!s.length) return s; const i = p.at % s.length; return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << p.bit)) + s.slice(i + 1); } },
  truncate: { arb: fc.record({ at: fc.nat() }), apply: (s, p) => s.slice(0, pos(s, p.at)) },
  erase: { arb: fc.record({ at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }), apply: (s, p) => { const i = pos(s, p.at); return s.slice(0, i) + s.slice(i + p.len); } },
  special: { arb: fc.record({ at: fc.nat(), which: fc.nat(), aligned: fc.boolean() }), apply: (s, p) => { const i = p.aligned ? alignedPos(s, p.at) : pos(s, p.at); return s.slice(0, i) + pick(SPECIALS, p.which) + s.slice(i); } },
  splice: {
    arb: fc.record({ from: fc.nat(), a: fc.nat(), len: fc.integer({ min: 1, max: 4096 }), at: fc.nat(), replace: fc.boolean(), aligned: fc.boolean() }),
    apply: (s, p, ctx) => {
      const donor = ctx.donor(p.from);
      const a = p.aligned ? alignedPos(donor, p.a) : pos(donor, p.a);
      const segment = donor.slice(a, a + p.len);
      const i = p.aligned ? alignedPos(s, p.at) : pos(s, p.at);
      return s.slice(0, i) + segment + s.slice(p.replace ? i + segment.length : i);
    },
  },
  repeat: { arb: fc.record({ at: fc.nat(), len: fc.integer({ min: 1, max: 2000 }), times: fc.integer({ min: 2, max: 60 }) }), apply: (s, p) => { const i = pos(s, p.at); return s.slice(0, i) + s.slice(i, i + p.len).repeat(p.times) + s.slice(i); } },
  // Comments, CDATA, PIs and character references inside text values (the comment-truncation family).
  valueTrick: {
    arb: fc.record({ k: fc.nat(), at: fc.nat(), kind: fc.integer({ min: 0, max: 7 }) }),
    apply: (s, p) => {
      const values = [...s.matchAll(/>([^<>]*[^<>\s][^<>]*)</g)];
      if (!values.length) return s;
      const m = pick(values, p.k);
      const start = m.index + 1;
      const value = m[1];
      const i = start + (p.at % (value.length + 1));
      const before = s.slice(0, i);
      const after = s.slice(i);
      const rest = value.slice(i - start);
      switch (p.kind) {
        case 0: return `${before}<!---->${after}`;
        case 1: return `${before}<!--${rest}-->${after}`;
        case 2: return `${before}<![CDATA[${rest}]]>${after.slice(rest.length)}`;
        case 3: return `${before}<![CDATA[]]>${after}`;
        case 4: return `${before}<?x ${rest}?>${after}`;
        case 5: return rest ? `${before}&#${rest.codePointAt(0)};${after.slice(String.fromCodePoint(rest.codePointAt(0)).length)}` : s;
        case 6: return `${before}<x:y xmlns:x="urn:x">${rest}</x:y>${after.slice(rest.length)}`;
        default: return `${before}&#x20;&#x9;${after}`;
      }
    },
  },
  duplicateId: {
    arb: fc.record({ k: fc.nat(), j: fc.nat(), mode: fc.integer({ min: 0, max: 2 }) }),
    apply: (s, p) => {
      const ids = [...s.matchAll(/\s(ID|Id|id)="([^"]*)"/g)];
      if (!ids.length) return s;
      const source = pick(ids, p.k)[2];
      if (p.mode === 0) {
        const target = pick(ids, p.j);
        const at = target.index + target[0].indexOf('"') + 1;
        return s.slice(0, at) + source + s.slice(at + target[2].length);
      }
      if (p.mode === 1) {
        const tags = [...s.matchAll(/<[\w.-]+(?::[\w.-]+)?(?=[\s/>])/g)];
        if (!tags.length) return s;
        const t = pick(tags, p.j);
        const at = t.index + t[0].length;
        return `${s.slice(0, at)} ID="${source}"${s.slice(at)}`;
      }
      const refs = [...s.matchAll(/URI="(#?[^"]*)"/g)];
      if (!refs.length) return s;
      const r = pick(refs, p.j);
      const at = r.index + 5;
      return s.slice(0, at) + pick([`#${source}`, '', '#', source, `#${source}#`], p.k) + s.slice(at + r[1].length);
    },
  },
  // Assertions inside assertions, advice, extensions and signature objects (the wrapping family).
  nestAssertion: {
    arb: fc.record({ where: fc.integer({ min: 0, max: 5 }), changeId: fc.boolean(), count: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 40 })) }),
    apply: (s, p) => {
      const m = ASSERTION.exec(s);
      if (!m) return s;
      const prefix = m[1] ?? '';
      let copy = m[0];
      if (p.changeId) copy = copy.replace(/\sID="[^"]*"/, ' ID="_evil"').replace(/(<([\w.-]+:)?NameID\b[^>]*>)[^<]*/, '$1attacker@example.com');
      copy = copy.repeat(p.count);
      const insertBefore = (re, text) => {
        const at = s.search(re);
        return at < 0 ? s.slice(0, m.index + m[0].length) + text + s.slice(m.index + m[0].length) : s.slice(0, at) + text + s.slice(at);
      };
      switch (p.where) {
        case 0: return insertBefore(/<\/([\w.-]+:)?Subject>/, copy);
        case 1: return insertBefore(/<\/([\w.-]+:)?Assertion>/, `<${prefix}Advice>${copy}</${prefix}Advice>`);
        case 2: return insertBefore(/<([\w.-]+:)?Status>/, `<samlp:Extensions xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${copy}</samlp:Extensions>`);
        case 3: return insertBefore(/<\/([\w.-]+:)?Signature>/, `<ds:Object xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${copy}</ds:Object>`);
        case 4: return s.slice(0, m.index) + `<${prefix}Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_wrapper" Version="2.0" IssueInstant="2026-11-27T09:00:00Z">${copy}</${prefix}Assertion>` + s.slice(m.index + m[0].length);
        default: return s.slice(0, m.index) + copy + s.slice(m.index);
      }
    },
  },
  manyAttributes: {
    arb: fc.record({ kind: fc.integer({ min: 0, max: 4 }), count: bigCount, value: valueArb }),
    apply: (s, p) => {
      const value = escText(p.value.slice(0, 64));
      const insertBefore = (re, text) => {
        const at = s.search(re);
        return at < 0 ? s : s.slice(0, at) + text + s.slice(at);
      };
      const n = p.count;
      switch (p.kind) {
        case 0: return insertBefore(/<\/([\w.-]+:)?AttributeStatement>/, Array.from({ length: n }, (_, i) => `<saml:Attribute Name="urn:x:${i}"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`).join(''));
        case 1: return insertBefore(/<\/([\w.-]+:)?Attribute>/, `<saml:AttributeValue>${value}</saml:AttributeValue>`.repeat(n));
        case 2: {
          const at = s.search(/<[\w.-]+(:[\w.-]+)?[\s>]/);
          if (at < 0) return s;
          const end = s.indexOf(' ', at);
          return end < 0 ? s : s.slice(0, end) + Array.from({ length: n }, (_, i) => ` a${i}="${escAttr(p.value.slice(0, 8))}"`).join('') + s.slice(end);
        }
        case 3: return insertBefore(/<\/([\w.-]+:)?AttributeStatement>/, `<saml:Attribute Name="${R.AWS.role}"><saml:AttributeValue>${escText(R.ROLE_ARN)},${escText(R.PROVIDER_ARN)}</saml:AttributeValue></saml:Attribute>`.repeat(n));
        default: return insertBefore(/<\/([\w.-]+:)?AudienceRestriction>/, `<saml:Audience>${value}</saml:Audience>`.repeat(n));
      }
    },
  },
  deepNest: {
    arb: fc.record({ at: fc.nat(), depth: fc.oneof(fc.integer({ min: 55, max: 70 }), fc.integer({ min: 100, max: 500 }), fc.integer({ min: 1000, max: 25_000 })), name: fc.constantFrom('x', 'saml:Advice', 'saml:AttributeValue', 'a:b'), closed: fc.boolean() }),
    apply: (s, p) => {
      const values = [...s.matchAll(/<\/([\w.-]+:)?(AttributeValue|NameID|Audience|Issuer|Subject|Assertion)>/g)];
      const i = values.length ? pick(values, p.at).index : alignedPos(s, p.at);
      const ns = p.name === 'a:b' ? ' xmlns:a="urn:a"' : '';
      return s.slice(0, i) + `<${p.name}${ns}>`.repeat(p.depth) + (p.closed ? `</${p.name}>`.repeat(p.depth) : '') + s.slice(i);
    },
  },
  attrValue: {
    arb: fc.record({ k: fc.nat(), value: fc.oneof(dateArb, valueArb, urlArb), raw: fc.boolean() }),
    apply: (s, p) => {
      const attrs = [...s.matchAll(/(\s[\w:.-]+=")([^"]*)"/g)];
      if (!attrs.length) return s;
      const m = pick(attrs, p.k);
      const at = m.index + m[1].length;
      return s.slice(0, at) + (p.raw ? p.value : escAttr(p.value)) + s.slice(at + m[2].length);
    },
  },
  textValue: {
    arb: fc.record({ k: fc.nat(), value: fc.oneof(valueArb, dateArb, urlArb), raw: fc.boolean() }),
    apply: (s, p) => {
      const values = [...s.matchAll(/>([^<>]*[^<>\s][^<>]*)</g)];
      if (!values.length) return s;
      const m = pick(values, p.k);
      return s.slice(0, m.index + 1) + (p.raw ? p.value : escText(p.value)) + s.slice(m.index + 1 + m[1].length);
    },
  },
  namespace: {
    arb: fc.record({ k: fc.nat(), mode: fc.integer({ min: 0, max: 5 }) }),
    apply: (s, p) => {
      const decls = [...s.matchAll(/\sxmlns(:[\w.-]+)?="([^"]*)"/g)];
      if (!decls.length) return s;
      const m = pick(decls, p.k);
      const end = m.index + m[0].length;
      switch (p.mode) {
        case 0: return s.slice(0, m.index) + s.slice(end);
        case 1: return s.slice(0, m.index) + m[0].replace('2.0', '1.1') + s.slice(end);
        case 2: return s.slice(0, m.index) + m[0].replace(/="[^"]*"/, '=""') + s.slice(end);
        case 3: return s.slice(0, m.index) + m[0].toUpperCase() + s.slice(end);
        case 4: return s.slice(0, m.index) + m[0].replace(/xmlns:([\w.-]+)/, 'xmlns:$1x') + s.slice(end);
        default: return s.slice(0, m.index) + ` xmlns="${m[2]}"` + s.slice(end);
      }
    },
  },
  prolog: {
    arb: fc.record({ mode: fc.integer({ min: 0, max: 8 }) }),
    apply: (s, p) => {
      const bare = s.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
      switch (p.mode) {
        case 0: return `\uFEFF${s}`;
        case 1: return `\n\n   \t${s}`;
        case 2: return `<?xml version="1.1" encoding="ISO-8859-1"?>\n${bare}`;
        case 3: return `<?xml version="1.0" encoding="UTF-16"?>${bare}`;
        case 4: return bare;
        case 5: return `<?xml version="1.0"?><?xml version="1.0"?>${bare}`;
        case 6: return `<!-- pasted from the browser -->\n${s}`;
        case 7: return `${s}\n<trailing/>`;
        default: return `${s}trailing text`;
      }
    },
  },
};
const OP_NAMES = Object.keys(OPS);
const TEXT_OPS = ['flip', 'truncate', 'erase', 'special', 'splice', 'repeat'];
const opArb = (names) => fc.oneof(...names.map((op) => OPS[op].arb.map((p) => ({ op, ...p }))));

// ---------------------------------------------------------------------------------------------------
// Wrapping a document the ways it gets pasted: raw, base64 (wrapped, quoted, JSON-escaped, with bad
// padding), deflated (Redirect binding), and form bodies with percent-encoding layers.

const wrapArb = fc.record({
  kind: fc.constantFrom('same', 'same', 'xml', 'base64', 'base64', 'form', 'form', 'deflate', 'deflate-form'),
  lineWidth: fc.oneof(fc.constant(0), fc.constant(0), fc.constantFrom(64, 76), fc.integer({ min: 1, max: 200 })),
  quote: fc.constantFrom('', '', '', '"', "'", '`'),
  newline: fc.constantFrom('\n', '\r\n', '\\n', ' '),
  padding: fc.constantFrom('keep', 'keep', 'keep', 'keep', 'strip', 'extra', 'middle', 'urlsafe', 'space'),
  byteFlips: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 3 }) }),
  valueLayers: fc.constantFrom(1, 1, 1, 0, 2, 3),
  bodyLayers: fc.constantFrom(0, 0, 0, 0, 1, 2),
  plus: fc.constantFrom('encoded', 'encoded', 'raw', 'space'),
  relay: fc.option(relayArb),
  relayFirst: fc.boolean(),
  field: fc.constantFrom('SAMLResponse', 'SAMLResponse', 'SAMLResponse', 'SAMLRequest', 'samlresponse', 'SAMLResponse%3D'),
  duplicate: fc.constantFrom(null, null, null, 'same', 'empty', 'other'),
  prefix: fc.constantFrom('', '', '', '?', ' ', 'POST /saml HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n', 'https://signin.aws.amazon.com/saml?', '&'),
  deflate: fc.constantFrom('raw', 'raw', 'zlib', 'gzip', 'raw-truncated', 'raw-level0', 'raw-twice'),
});

function wrap(xml, w, form) {
  const kind = w.kind === 'same' ? form : w.kind;
  if (kind === 'xml' || kind === 'json' || kind === 'text') return xml;
  let bytes = Buffer.from(xml, 'utf8');
  if (kind === 'deflate' || kind === 'deflate-form') {
    if (w.deflate === 'zlib') bytes = deflateSync(bytes);
    else if (w.deflate === 'gzip') bytes = gzipSync(bytes);
    else if (w.deflate === 'raw-level0') bytes = deflateRawSync(bytes, { level: 0 });
    else if (w.deflate === 'raw-twice') bytes = deflateRawSync(deflateRawSync(bytes));
    else {
      bytes = deflateRawSync(bytes);
      if (w.deflate === 'raw-truncated') bytes = bytes.subarray(0, Math.max(1, bytes.length - 1 - (w.lineWidth % 50)));
    }
  }
  if (w.byteFlips.length && bytes.length) {
    bytes = Buffer.from(bytes);
    for (const f of w.byteFlips) bytes[f.at % bytes.length] ^= 1 << f.bit;
  }
  let b64 = bytes.toString('base64');
  if (w.padding === 'strip') b64 = b64.replace(/=+$/, '');
  else if (w.padding === 'extra') b64 += '=';
  else if (w.padding === 'middle') b64 = b64.slice(0, b64.length >> 1) + '=' + b64.slice(b64.length >> 1);
  else if (w.padding === 'urlsafe') b64 = b64.replace(/\+/g, '-').replace(/\//g, '_');
  else if (w.padding === 'space') b64 = b64.replace(/\+/g, ' ');
  if (kind === 'base64' || kind === 'deflate') {
    let text = b64;
    if (w.lineWidth) text = text.match(new RegExp(`.{1,${w.lineWidth}}`, 'g'))?.join(w.newline) ?? text;
    return `${w.quote}${text}${w.quote}`;
  }
  // A form body.
  let value = b64;
  if (w.plus === 'raw') value = value.replace(/\//g, '%2F');
  else if (w.plus === 'space') value = encodeLayers(value, 1).replace(/%2B/g, '+');
  else value = encodeLayers(value, w.valueLayers);
  const fields = [`${w.field}=${value}`];
  if (w.duplicate === 'same') fields.push(`${w.field}=${value}`);
  else if (w.duplicate === 'empty') fields.unshift(`${w.field}=`);
  else if (w.duplicate === 'other') fields.push('SAMLRequest=PHNhbWxwOkF1dGhuUmVxdWVzdC8+');
  if (w.relay !== null) {
    const relay = `RelayState=${encodeLayers(w.relay, 1)}`;
    if (w.relayFirst) fields.unshift(relay);
    else fields.push(relay);
  }
  return w.prefix + encodeLayers(fields.join('&'), w.bodyLayers);
}

// ---------------------------------------------------------------------------------------------------
// Structured responses: buildResponse() with random values in every option.

const opt = (arb, nullWeight = 1) => fc.oneof({ weight: nullWeight, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: arb });
const attributeName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...AWS_NAMES) }, { weight: 1, arbitrary: valueArb });
const attributesArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(attributeName, fc.array(valueArb, { maxLength: 4 })), { maxLength: 12 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...AWS_NAMES.slice(0, 8)), fc.option(fc.array(valueArb, { maxLength: 3 }), { nil: null })).map((changes) => R.withAttributes(changes)) },
  { weight: 1, arbitrary: fc.tuple(bigCount, attributeName, valueArb).map(([n, name, v]) => Array.from({ length: n }, (_, i) => [i % 2 ? name : `${name}${i}`, [v.slice(0, 100)]])) },
  { weight: 1, arbitrary: fc.array(fc.record({ name: opt(attributeName), values: fc.array(valueArb, { maxLength: 3 }), nameFormat: opt(fc.constantFrom('urn:oasis:names:tc:SAML:2.0:attrname-format:basic', 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', '')) }), { maxLength: 6 }) },
);
const confirmationArb = fc.record({ method: opt(fc.oneof(fc.constantFrom('urn:oasis:names:tc:SAML:2.0:cm:bearer', 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key', 'bearer'), valueArb)), recipient: opt(urlArb), notOnOrAfter: opt(dateArb), notBefore: opt(dateArb, 4), inResponseTo: opt(valueArb, 4), data: fc.constantFrom(true, true, false) }, { requiredKeys: [] });
const EXTRA_XML = ['', '', '', '<saml:Advice/>', '<!-- comment -->', '<?pi?>', '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>', '<saml:EncryptedAssertion/>', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>', R.signatureTemplate('_a2b8d4e6f0a1c4e3b9d7f02'), R.signatureTemplate(''), '<saml:AttributeStatement><saml:Attribute Name="x"/></saml:AttributeStatement>', '<saml:Subject/>', '<saml:Conditions/>', '<saml:AuthnStatement/>', '<saml:Assertion/>'];
const buildArb = fc.record(
  {
    responseId: opt(fc.oneof(fc.constantFrom('_r7f3c2a9e41b04d5c8f6e01', '_a2b8d4e6f0a1c4e3b9d7f02', '1abc', 'id with space'), valueArb)),
    assertionId: opt(fc.oneof(fc.constantFrom('_a2b8d4e6f0a1c4e3b9d7f02', '_r7f3c2a9e41b04d5c8f6e01', ''), valueArb)),
    version: opt(fc.oneof(fc.constantFrom('2.0', '1.1', '2', ' 2.0'), valueArb)),
    assertionVersion: opt(fc.oneof(fc.constantFrom('2.0', '1.1', '3.0'), valueArb)),
    issueInstant: opt(dateArb),
    destination: opt(urlArb),
    responseIssuer: opt(valueArb),
    issuer: opt(fc.oneof(fc.constant('http://www.okta.com/exk1a2b3c4d5e6f7g8h9'), valueArb)),
    statusCode: opt(fc.oneof(fc.constantFrom(...SHORT.filter((v) => v.includes('status'))), valueArb)),
    statusSubCode: opt(fc.oneof(fc.constantFrom('urn:oasis:names:tc:SAML:2.0:status:RequestDenied', 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed'), valueArb), 3),
    statusMessage: opt(valueArb, 3),
    subject: fc.constantFrom(true, true, null),
    nameId: opt(valueArb),
    nameIdFormat: opt(fc.oneof(fc.constantFrom(...SHORT.filter((v) => v.includes('nameid-format'))), valueArb)),
    subjectConfirmations: opt(fc.array(confirmationArb, { maxLength: 3 }), 3),
    recipient: opt(urlArb),
    notBefore: opt(dateArb),
    notOnOrAfter: opt(dateArb),
    confirmationNotOnOrAfter: opt(dateArb),
    conditions: fc.constantFrom(true, true, null),
    audiences: opt(fc.array(fc.oneof(fc.constantFrom('urn:amazon:webservices', 'https://signin.aws.amazon.com/saml', 'urn:amazon:connect'), valueArb), { maxLength: 4 })),
    authnInstant: opt(dateArb),
    sessionNotOnOrAfter: opt(dateArb),
    authnStatement: fc.constantFrom(true, true, null),
    attributes: opt(attributesArb, 1),
    assertionCount: fc.constantFrom(1, 1, 1, 0, 2, 3),
    sign: fc.constantFrom('none', 'assertion', 'response', 'both'),
    assertionExtra: fc.constantFrom(...EXTRA_XML),
    responseExtra: fc.constantFrom(...EXTRA_XML),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------------
// AD FS relying-party trusts: claim rule language pieces, and the two forms a trust is exported in.

const CLAIM_RULE_PIECES = ['@RuleName = "r"', '@RuleTemplate = "LdapClaims"', 'c:[', 'c1:[', ']', 'Type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname"', 'Type == "http://temp/variable"', ', Issuer == "AD AUTHORITY"', 'Value =~ "(?i)^AWS-"', '&&', 'NOT EXISTS(', '=>', 'issue(', 'add(', ')', ';', ',', '+', 'Type = "https://aws.amazon.com/SAML/Attributes/Role"', 'Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"', 'Type = "https://aws.amazon.com/SAML/Attributes/SessionDuration"', 'Type = "http://temp/variable"', 'Value = ', 'c.Value', 'c1.Value', 'claim = c', 'RegExReplace(c.Value, "(?i)^AWS-", "arn:aws:iam::123456789012:saml-provider/ADFS,arn:aws:iam::123456789012:role/ADFS-")', '"arn:aws:iam::123456789012:role/"', '"43200"', 'store = "Active Directory"', 'store = "StringProcessing"', 'types = ("https://aws.amazon.com/SAML/Attributes/RoleSessionName")', 'types = ("http://temp/variable", "x")', 'query = ";mail;{0}"', 'query = ";tokenGroups,mail;{0}"', 'query = "toLower"', 'param = c.Value', '"', '\\"', '\n', '\r\n   ', '(', '[', '{0}'];

function adfsJson(rules, endpoints) {
  return JSON.stringify({ Identifier: ['urn:amazon:webservices'], Name: 'AWS', SamlEndpoints: endpoints, SamlResponseSignature: 'AssertionOnly', SignatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', IssuanceTransformRules: rules }, null, 4);
}

/** The list view, its value lines cut every `width` characters as a console of that width would. */
function adfsListView(rules, width) {
  const column = 'IssuanceTransformRules : '.length;
  const lines = rules.split('\n').flatMap((line) => (width > 0 ? line.match(new RegExp(`.{1,${width}}`, 'g')) ?? [''] : [line]));
  return `\r\nIdentifier             : {urn:amazon:webservices}\r\nSamlEndpoints          : {Microsoft.IdentityServer.Management.Resources.SamlEndpoint}\r\nSamlResponseSignature  : MessageOnly\r\nIssuanceTransformRules : ${lines.join(`\r\n${' '.repeat(column)}`)}\r\n\r\n`;
}

// ---------------------------------------------------------------------------------------------------
// Cases: { generator, text, options, display }. Options are JSON: `{ "$date": … }` is a Date and
// `{ "$number": "NaN" }` a number JSON cannot hold (reviveOptions).

/** Entra objects recognised from their keys (Microsoft Graph, azuread in a plan) around any JSON, the claims policy's JSON-in-a-string included. */
const ENTRA_SHAPES = {
  'graph-application': (value) => ({ appId: 'f3d8c2a1', web: { redirectUris: value }, identifierUris: value, appRoles: value }),
  'graph-service-principal': (value) => ({ appId: 'f3d8c2a1', servicePrincipalType: 'Application', samlSingleSignOnSettings: value, claimsMappingPolicies: [value] }),
  'graph-claims-mapping': (value) => ({ value: [{ definition: [JSON.stringify({ ClaimsMappingPolicy: { ClaimsSchema: value, ClaimsTransformations: value } })] }] }),
  'graph-claims-policy': (value) => [{ '@odata.type': '#microsoft.graph.customClaimsPolicy', claims: value }],
  'azuread-plan': (value) => ({
    format_version: '1.2',
    resource_changes: ['azuread_application', 'azuread_service_principal', 'azuread_claims_mapping_policy'].map((type) => ({ address: `${type}.x`, type, change: { actions: ['create'], after: value, after_unknown: value } })),
  }),
};

function caseArbitrary(seeds) {
  const seedIndex = fc.nat(seeds.length - 1);
  const ctx = { donor: (n) => pick(seeds, n).xml };
  // Inputs, and each text of the context (a user list, metadata), are held to MAX_TEXT characters.
  const cap = (value) => (typeof value === 'string' && value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value);
  const finish = (generator, text, options, display) => {
    const capped = { ...options };
    for (const key of ['users', 'metadata', 'relayState', 'decryptionKey', 'trustPolicy', 'permissionPolicy']) if (key in capped) capped[key] = cap(capped[key]);
    if (Array.isArray(capped.certificates)) capped.certificates = capped.certificates.map(cap);
    return { generator: text.length > MAX_TEXT ? `${generator} (capped)` : generator, text: cap(text), options: capped, display: display ?? undefined };
  };
  const applyOps = (s, ops) => ops.reduce((acc, o) => (acc.length > MAX_TEXT * 2 ? acc : OPS[o.op].apply(acc, o, ctx)), s);
  const opsLabel = (ops) => (ops.length ? ops.map((o) => o.op).join('+') : 'as-is');

  const mutateXml = fc.record({ seed: seedIndex, ops: fc.array(opArb(OP_NAMES), { minLength: 0, maxLength: 4 }), wrap: wrapArb, context: contextArb, display: displayArb }).map((c) => {
    const seed = seeds[c.seed];
    const xml = applyOps(seed.xml, c.ops);
    const kind = c.wrap.kind === 'same' ? seed.form : c.wrap.kind;
    return finish(`mutate-xml:${opsLabel(c.ops)}→${kind}`, wrap(xml, c.wrap, seed.form), contextFor(c.context, seed.options), c.display);
  });
  const mutateText = fc.record({ seed: seedIndex, ops: fc.array(opArb(TEXT_OPS), { minLength: 1, maxLength: 5 }), context: contextArb, display: displayArb }).map((c) => {
    const seed = seeds[c.seed];
    return finish(`mutate-text:${opsLabel(c.ops)}@${seed.form}`, applyOps(seed.text, c.ops), contextFor(c.context, seed.options), c.display);
  });
  const cleanContext = { now: R.NOW, relayState: R.RELAY_STATE, users: USER_FILES[0] };
  const structured = fc.record({ build: buildArb, ops: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(opArb(OP_NAMES), { minLength: 1, maxLength: 2 }) }), wrap: wrapArb, context: contextArb, display: displayArb }).map((c) => {
    const xml = applyOps(R.buildResponse(c.build), c.ops);
    const kind = c.wrap.kind === 'same' ? 'xml' : c.wrap.kind;
    return finish(`structured:${Object.keys(c.build).length} options${c.ops.length ? `+${opsLabel(c.ops)}` : ''}→${kind}`, wrap(xml, c.wrap, 'xml'), contextFor(c.context, cleanContext), c.display);
  });
  const metadata = fc.record({ doc: metadataArb, ops: fc.array(opArb(OP_NAMES), { maxLength: 2 }), wrap: wrapArb, context: contextArb, display: displayArb }).map((c) => {
    const xml = applyOps(c.doc, c.ops);
    const kind = c.wrap.kind === 'same' ? 'xml' : c.wrap.kind;
    return finish(`metadata:${opsLabel(c.ops)}→${kind}`, wrap(xml, c.wrap, 'xml'), contextFor(c.context, {}), c.display);
  });
  // The vectors as they are, under random context: hostile options on inputs that reach every rule.
  const context = fc.record({ seed: seedIndex, options: optionsArb, trust: fc.boolean(), display: displayArb }).map((c) => {
    const seed = seeds[c.seed];
    return finish('context', seed.text, contextFor({ mode: 'merged', random: c.options, trust: c.trust }, seed.options), c.display);
  });
  // Any JSON at all as the input: the HAR, SAML-tracer, policy and Entra readers meet shapes no vector has.
  const json = fc.record({ value: fc.jsonValue({ maxDepth: 8 }), shape: fc.constantFrom('raw', 'har', 'har-entries', 'tracer', 'tracer-requests', 'policy', ...Object.keys(ENTRA_SHAPES)), context: contextArb }).map((c) => {
    // By the shape's name, not `??`: a raw value may itself be null.
    const wrapped = Object.hasOwn(ENTRA_SHAPES, c.shape)
      ? ENTRA_SHAPES[c.shape](c.value)
      : { raw: c.value, har: { log: c.value }, 'har-entries': { log: { version: '1.2', entries: c.value } }, tracer: { requests: c.value }, 'tracer-requests': { requests: [c.value], timestamp: c.value }, policy: { Statement: c.value } }[c.shape];
    return finish(`json:${c.shape}`, JSON.stringify(wrapped), contextFor(c.context, {}));
  });
  // AD FS claim rules made of the language's pieces, in a trust's list view (lines wrapped anywhere) or JSON.
  const adfs = fc.record({ pieces: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CLAIM_RULE_PIECES) }, { weight: 1, arbitrary: valueArb.map((v) => JSON.stringify(v)) }), { maxLength: 60 }), wrap: fc.nat(200), json: fc.boolean(), endpoints: fc.jsonValue({ maxDepth: 3 }), context: contextArb }).map((c) => {
    const rules = c.pieces.join(' ');
    return finish(`adfs:${c.json ? 'json' : 'list'}`, c.json ? adfsJson(rules, c.endpoints) : adfsListView(rules, c.wrap), contextFor(c.context, {}));
  });
  return fc.oneof({ weight: 8, arbitrary: mutateXml }, { weight: 3, arbitrary: mutateText }, { weight: 5, arbitrary: structured }, { weight: 1, arbitrary: metadata }, { weight: 2, arbitrary: context }, { weight: 1, arbitrary: json }, { weight: 1, arbitrary: adfs });
}

export function reviveOptions(options) {
  const revive = (v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (typeof v.$date === 'string' && Object.keys(v).length === 1) return new Date(v.$date);
      if (typeof v.$number === 'string' && Object.keys(v).length === 1) return Number(v.$number);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
    }
    return Array.isArray(v) ? v.map(revive) : v;
  };
  return revive(options ?? {});
}

function batchSeed(seed, batch) {
  return createHash('sha256').update(`${seed}:${batch}`).digest().readInt32LE(0);
}

function generateBatch(arb, seed, batch) {
  return fc.sample(arb, { seed: batchSeed(seed, batch), numRuns: BATCH });
}

// ---------------------------------------------------------------------------------------------------
// Running one case

class InvariantError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InvariantError';
  }
}

function checkLintResult(result, core, c) {
  if (!result || typeof result !== 'object') throw new InvariantError('lint returned no result');
  if (typeof result.detected !== 'string') throw new InvariantError('result.detected is not a string');
  if (!Array.isArray(result.findings) || !Array.isArray(result.unchecked) || !Array.isArray(result.inferred)) throw new InvariantError('result.findings, unchecked or inferred is not an array');
  for (const f of result.findings) {
    if (typeof f.code !== 'string' || typeof f.messageId !== 'string' || typeof f.message !== 'string' || typeof f.help !== 'string' || typeof f.data !== 'object' || !(f.severity in core.SEVERITY_RANK)) throw new InvariantError(`malformed finding ${JSON.stringify(f).slice(0, 200)}`);
    // A {{placeholder}} the rule gave no data for (unless the input itself carried that text).
    const unfilled = /\{\{\s*\w+\s*\}\}/.exec(f.message + f.help)?.[0];
    if (unfilled && !c.text.includes(unfilled) && !JSON.stringify(c.options ?? {}).includes(unfilled)) throw new InvariantError(`${f.code}: placeholder ${unfilled} left unfilled: ${f.message.slice(0, 200)}`);
    const span = f.location?.span;
    if (span && ![span.line, span.column].every(Number.isFinite)) throw new InvariantError(`${f.code}: location has a non-numeric line or column`);
  }
  // What samlint could not verify never ends in "no problems" (issue 11).
  const unverified = result.signatures !== undefined && /^(no valid signature|nothing signed)/.test(result.signatures);
  if (unverified && !result.findings.some((f) => f.severity !== 'info')) throw new InvariantError(`signatures "${result.signatures}" with no error or warning`);
  JSON.stringify(result);
}

function checkDisplay(decoded) {
  if (!decoded || typeof decoded.detected !== 'string' || !Array.isArray(decoded.findings)) throw new InvariantError('decodeForDisplay returned a malformed result');
  if (decoded.xml !== undefined && typeof decoded.xml !== 'string') throw new InvariantError('decodeForDisplay xml is not a string');
  JSON.stringify(decoded);
}

/**
 * Runs one target; returns its time in ms, or throws what the target threw. The time is the lesser of
 * wall-clock and this process's CPU time: other processes on a busy machine inflate the first, the
 * GC's helper threads the second, and a really slow input is slow by both.
 */
function runTarget(core, target, c) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const elapsed = () => {
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return Math.min(wall, (used.user + used.system) / 1000);
  };
  try {
    if (target === 'lint') {
      // lintFile, as the CLI calls it: one result per login of a HAR file or SAML-tracer export.
      const results = core.lintFile(c.text, reviveOptions(c.options));
      const ms = elapsed();
      if (!Array.isArray(results) || results.length === 0) throw new InvariantError('lintFile returned no result');
      for (const result of results) {
        checkLintResult(result, core, c);
        // --redact rewrites every string of a result: it must cope with whatever the lint produced.
        checkLintResult(core.redactResult(result), core, c);
      }
      return ms;
    }
    const decoded = core.decodeForDisplay(c.text, c.display ?? {});
    const ms = elapsed();
    checkDisplay(decoded);
    return ms;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(`non-Error thrown: ${String(error)}`);
    e.fuzzTarget = target;
    throw e;
  }
}

/** Bug identity for de-duplication: target, error type, message shape, and the first frame in our code. */
function signatureOf(error, target) {
  const message = String(error.message ?? '').split('\n')[0].replace(/\d+/g, 'N').slice(0, 160);
  const frame = String(error.stack ?? '')
    .split('\n')
    .slice(1)
    .find((line) => line.includes('/packages/') || line.includes('node_modules'));
  const where = frame ? frame.trim().replace(/^at\s+/, '').replace(/.*\/(packages|node_modules)\//, '$1/').replace(/:\d+\)?$/, '') : 'unknown';
  return `${target}|${error.name}|${message}|${where}`;
}

/**
 * Delta debugging while `reproduces` holds: the decoded document instead of its base64, then without
 * each option, then each text (the input, then long option values) by tags, lines and characters.
 */
function minimise(core, c, reproduces, budgetMs, heartbeat = () => undefined) {
  const deadline = performance.now() + budgetMs;
  let runs = 0;
  const holds = (candidate) => {
    runs++;
    heartbeat();
    return reproduces(candidate);
  };
  let best = { ...c, options: { ...(c.options ?? {}) } };
  // (Not when it is much longer, as an inflated Redirect-binding capture is: that is no minimising.)
  const decoded = core.decodeCapture(best.text).xml;
  if (decoded !== undefined && decoded !== best.text && decoded.length <= best.text.length && holds({ ...best, text: decoded })) best = { ...best, text: decoded };
  for (const key of Object.keys(best.options)) {
    if (performance.now() > deadline) break;
    const { [key]: _, ...rest } = best.options;
    if (holds({ ...best, options: rest })) best = { ...best, options: rest };
  }
  if (best.display) {
    for (const key of ['redact', 'raw']) {
      const display = { ...best.display, [key]: false };
      if (best.display[key] && holds({ ...best, display })) best = { ...best, display };
    }
  }
  const get = (field) => (field === 'text' ? best.text : best.options[field]);
  const set = (field, value) => (field === 'text' ? { ...best, text: value } : { ...best, options: { ...best.options, [field]: value } });
  const ddmin = (field, split, join) => {
    let units = split(get(field));
    let chunk = Math.max(1, units.length >> 1);
    while (chunk >= 1 && performance.now() < deadline) {
      let removed = false;
      for (let i = 0; i < units.length && performance.now() < deadline; ) {
        const candidate = [...units.slice(0, i), ...units.slice(i + chunk)];
        const next = set(field, join(candidate));
        if (holds(next)) {
          units = candidate;
          best = next;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk >>= 1;
    }
  };
  const fields = ['text', ...Object.keys(best.options).filter((k) => typeof best.options[k] === 'string' && best.options[k].length > 32)];
  for (const field of fields) {
    if (field === 'text') ddmin(field, (t) => t.split(/(?=<)/), (u) => u.join(''));
    ddmin(field, (t) => t.split(/(?<=\n)/), (u) => u.join(''));
    if (get(field).length <= 20_000) ddmin(field, (t) => [...t], (u) => u.join(''));
  }
  return { minimised: best, runs };
}

function findingRecord(kind, c, where, extra) {
  return {
    kind,
    found: new Date().toISOString(),
    generator: c.generator,
    seed: where.seed,
    batch: where.batch,
    index: where.index,
    ...extra,
    text: c.text,
    options: c.options ?? {},
    ...(c.display ? { display: c.display } : {}),
  };
}

/**
 * Where a slow input spends its time: one more run under the V8 sampling profiler (in-thread inspector
 * sessions answer synchronously), and the function with the most self time, with its callers.
 */
function profileHotSpot(core, target, c) {
  let session;
  try {
    session = new inspector.Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 250 });
    session.post('Profiler.start');
    try {
      runTarget(core, target, c);
    } catch {
      // the time is what matters here
    }
    let profile;
    session.post('Profiler.stop', (error, result) => {
      if (!error) profile = result.profile;
    });
    if (!profile) return undefined;
    const self = new Map();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
    const name = (node) => {
      const f = node.callFrame;
      const file = f.url.replace(/^file:\/\//, '').replace(/.*\/(packages\/[^/]+\/dist|node_modules(?:\/\.pnpm\/[^/]+\/node_modules)?)\//, (_, dir) => (dir.startsWith('packages') ? `${dir}/` : ''));
      return `${f.functionName || '(anonymous)'}${file ? ` (${file}:${f.lineNumber + 1})` : ''}`;
    };
    const candidates = profile.nodes.filter((n) => {
      const f = n.callFrame;
      if (/^\((garbage collector|program|idle|root)\)$/.test(f.functionName)) return false;
      return f.url !== '' || f.functionName.startsWith('RegExp:');
    });
    const hot = candidates.sort((a, b) => (self.get(b.id) ?? 0) - (self.get(a.id) ?? 0))[0];
    if (!hot) return undefined;
    // The samlint function the hot spot is under: the bug's identity (a library's hot loop has many names).
    let owner;
    for (let n = hot; n && !owner; n = parent.get(n.id)) if (n.callFrame.url.includes('/packages/core/dist/')) owner = name(n);
    const total = profile.endTime - profile.startTime;
    const stack = [];
    for (let n = hot; n && stack.length < 12; n = parent.get(n.id)) if (n.callFrame.url || n === hot) stack.push(name(n));
    return { hot: name(hot), owner, share: Math.round(((self.get(hot.id) ?? 0) / total) * 100), stack: stack.filter((f) => !f.includes('scripts/fuzz.mjs')) };
  } catch {
    return undefined;
  } finally {
    session?.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------------
// The worker: generates batches and runs them, publishing which case it is on in shared memory so the
// main thread can name the case if the worker stalls or dies.

// ctrl (Int32): 0 heartbeat, 1 batch, 2 index, 3 what runs (1 lint, 2 decodeForDisplay, 3 minimise), 4 stop
// stats (Float64): 0 tried, 1 lint runs, 2 display runs, 3 slowest ms, 4 slowest batch, 5 slowest index,
//                  6 slowest target (1 lint, 2 display), 7 total ms in targets, 8 crashing inputs,
//                  9 slow inputs, 10 last batch done, 11 inputs with an invalid result, 12 ms generating
const TARGET_CODE = { lint: 1, decodeForDisplay: 2 };
const CRASH_BUDGET_MS = 15_000;
const HANG_BUDGET_MS = 15_000;
/** Re-runs of an input over the budget before it counts as a hang (after a full GC each). */
const CONFIRM_RUNS = 2;

/** A full GC before a confirming re-run, so the garbage of earlier inputs is not billed to this one. */
const collectGarbage = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc');
  } catch {
    return () => undefined;
  }
})();
const MINIMISE_STALL_SECONDS = 120;

async function workerMain() {
  const { seed, deadline, runs, hangMs, startBatch, stride, ctrlBuffer, statsBuffer, quiet, known } = workerData;
  const ctrl = new Int32Array(ctrlBuffer);
  const stats = new Float64Array(statsBuffer);
  const core = await loadCore();
  const seeds = loadSeeds(core);
  const arb = caseArbitrary(seeds);
  // Bugs an earlier worker (before a stall or death) already minimised.
  const minimisedAlready = new Set(known);
  const byGenerator = {};
  let current;
  process.on('unhandledRejection', (reason) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    parentPort.postMessage({ type: 'finding', signature: `unhandled|${signatureOf(error, 'async')}`, record: findingRecord('crash', current ?? { generator: 'unknown', text: '', options: {} }, { seed, batch: ctrl[1], index: ctrl[2] }, { target: 'async (unhandled rejection)', error: String(error.stack ?? error) }) });
  });
  // Warm up the JIT on the seeds, so first-run compilation is not taken for a hang.
  for (const s of seeds) for (let i = 0; i < 2; i++) {
    try {
      core.lintFile(s.text, reviveOptions(s.options));
      core.decodeForDisplay(s.text, { redact: i === 1 });
    } catch {
      // a seed that throws is found again as a case
    }
  }
  const family = (g) => g.split(':')[0];
  const tally = (generator, ms) => {
    const f = (byGenerator[family(generator)] ??= { count: 0, ms: 0, max: 0, maxGenerator: '' });
    f.count++;
    f.ms += ms;
    if (ms > f.max) {
      f.max = ms;
      f.maxGenerator = generator;
    }
  };
  const postStats = () => parentPort.postMessage({ type: 'stats', byGenerator });
  const minimising = () => {
    ctrl[3] = 3;
    Atomics.add(ctrl, 0, 1);
  };
  const beat = () => Atomics.add(ctrl, 0, 1);

  const onError = (c, where, target, error) => {
    const kind = error.name === 'InvariantError' ? 'invalid' : 'crash';
    stats[kind === 'invalid' ? 11 : 8]++;
    const signature = signatureOf(error, target);
    const extra = { target, error: String(error.stack ?? error) };
    parentPort.postMessage({ type: 'finding', signature, record: findingRecord(kind, c, where, extra) });
    if (minimisedAlready.has(signature)) return;
    minimisedAlready.add(signature);
    minimising();
    const reproduces = (candidate) => {
      try {
        runTarget(core, target, candidate);
        return false;
      } catch (e) {
        return signatureOf(e, target) === signature;
      }
    };
    const { minimised, runs: tries } = minimise(core, c, reproduces, CRASH_BUDGET_MS, beat);
    if (minimised.text !== c.text || JSON.stringify(minimised) !== JSON.stringify(c)) {
      parentPort.postMessage({ type: 'minimised', signature, record: { ...findingRecord(kind, minimised, where, { ...extra, minimisedFrom: c.text.length, minimiseRuns: tries }), original: { text: c.text, options: c.options, display: c.display } } });
    }
  };

  const budgetFor = (c) => hangBudget(core, c, hangMs);

  const onSlow = (c, where, target, ms) => {
    stats[9]++;
    Atomics.add(ctrl, 0, 1);
    const hot = profileHotSpot(core, target, c);
    const signature = `hang|${target}|${hot?.owner ?? hot?.hot ?? family(c.generator)}`;
    const extra = { target, ms: Math.round(ms * 10) / 10, limitMs: Math.round(budgetFor(c)), ...(hot ? { hotSpot: `${hot.hot}: ${hot.share}% of the samples${hot.owner && hot.owner !== hot.hot ? `, under ${hot.owner}` : ''}`, stack: hot.stack.join('\n') } : {}) };
    parentPort.postMessage({ type: 'finding', signature, record: findingRecord('hang', c, where, extra) });
    if (minimisedAlready.has(signature)) return;
    minimisedAlready.add(signature);
    minimising();
    const slow = (candidate) => {
      try {
        return runTarget(core, target, candidate) > budgetFor(candidate);
      } catch {
        return false;
      }
    };
    const { minimised, runs: tries } = minimise(core, c, slow, HANG_BUDGET_MS, beat);
    if (minimised.text !== c.text || JSON.stringify(minimised) !== JSON.stringify(c)) {
      let after;
      try {
        collectGarbage();
        after = Math.min(runTarget(core, target, minimised), runTarget(core, target, minimised));
      } catch {
        after = undefined;
      }
      if (after !== undefined && after > budgetFor(minimised)) {
        parentPort.postMessage({ type: 'minimised', signature, record: { ...findingRecord('hang', minimised, where, { ...extra, ms: Math.round(after * 10) / 10, minimisedFrom: c.text.length, minimiseRuns: tries }), original: { text: c.text, options: c.options, display: c.display } } });
      }
    }
  };

  for (let batch = startBatch; ; batch += stride) {
    if (Date.now() >= deadline || stats[0] >= runs || ctrl[4]) break;
    ctrl[1] = batch;
    ctrl[2] = -1;
    let cases;
    const generating = performance.now();
    try {
      cases = generateBatch(arb, seed, batch);
      stats[12] += performance.now() - generating;
    } catch (error) {
      parentPort.postMessage({ type: 'harness-error', batch, error: String(error.stack ?? error) });
      continue;
    }
    for (let index = 0; index < cases.length; index++) {
      if (Date.now() >= deadline || stats[0] >= runs || ctrl[4]) break;
      const c = cases[index];
      current = c;
      ctrl[2] = index;
      const where = { seed, batch, index };
      let caseMs = 0;
      for (const target of c.display ? ['lint', 'decodeForDisplay'] : ['lint']) {
        ctrl[3] = TARGET_CODE[target];
        Atomics.add(ctrl, 0, 1);
        let ms;
        try {
          ms = runTarget(core, target, c);
          // Over the budget: again (after a GC), to tell a slow input from a GC pause or a busy machine.
          for (let again = 0; again < CONFIRM_RUNS && ms > budgetFor(c); again++) {
            collectGarbage();
            Atomics.add(ctrl, 0, 1); // each run gets its own --stall-seconds
            ms = Math.min(ms, runTarget(core, target, c));
          }
        } catch (error) {
          onError(c, where, target, error);
          continue;
        }
        stats[target === 'lint' ? 1 : 2]++;
        stats[7] += ms;
        caseMs = Math.max(caseMs, ms);
        if (ms > stats[3]) {
          stats[3] = ms;
          stats[4] = batch;
          stats[5] = index;
          stats[6] = TARGET_CODE[target];
        }
        if (ms > budgetFor(c)) onSlow(c, where, target, ms);
      }
      tally(c.generator, caseMs);
      stats[0]++;
      if (!quiet && stats[0] % 5000 === 0) postStats();
    }
    stats[10] = batch;
    postStats();
  }
  postStats();
  parentPort.postMessage({ type: 'done' });
}

// ---------------------------------------------------------------------------------------------------
// The main thread: starts the workers, watches them, writes findings, prints the summary.

function caseHash(record) {
  return createHash('sha256').update(record.text).update('\0').update(JSON.stringify(record.options ?? {})).update('\0').update(JSON.stringify(record.display ?? null)).digest('hex').slice(0, 12);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(DIST)) usage(`${relative(process.cwd(), DIST)} is missing: run \`pnpm run build\` first (\`pnpm fuzz\` does)`);
  if (args.replay.length) return replay(args);
  const seed = args.seed ?? (Math.floor(Math.random() * 2 ** 31) >>> 0);
  if (args.dump) {
    const core = await loadCore();
    const c = generateBatch(caseArbitrary(loadSeeds(core)), seed, args.dump.batch)[args.dump.index];
    if (!c) usage(`batch ${args.dump.batch} has no case ${args.dump.index} (a batch holds ${BATCH})`);
    console.log(JSON.stringify(findingRecord('case', c, { seed, ...args.dump }, {}), null, 2));
    return;
  }
  const started = Date.now();
  const deadline = started + args.seconds * 1000;
  console.log(`samlint fuzz: seed ${seed}, ${args.seconds} s${Number.isFinite(args.runs) ? ` or ${args.runs} inputs` : ''}, ${args.workers} worker${args.workers > 1 ? 's' : ''}, hang > ${args.hangMs} ms (in proportion above ${LINEAR_FROM} characters), core ${relative(ROOT, DIST)}`);
  console.log(`  replay with: node scripts/fuzz.mjs --seed ${seed} --seconds ${args.seconds}${Number.isFinite(args.runs) ? ` --runs ${args.runs}` : ''}`);

  const findings = new Map(); // signature → { count, file, record }
  const generatorStats = [];
  let harnessErrors = 0;
  let stalls = 0;
  let deaths = 0;
  const coreForRegeneration = { arb: undefined };
  const regenerate = async (batch, index) => {
    if (!coreForRegeneration.arb) {
      const core = await loadCore();
      coreForRegeneration.arb = caseArbitrary(loadSeeds(core));
    }
    return generateBatch(coreForRegeneration.arb, seed, batch)[index];
  };
  const write = (record) => {
    if (!args.write) return undefined;
    mkdirSync(args.out, { recursive: true });
    const file = join(args.out, `${record.kind}-${caseHash(record)}.json`);
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    return file;
  };
  const show = (record, file) => {
    const text = JSON.stringify(record.text);
    const lines = [
      `\n*** ${record.kind.toUpperCase()} in ${record.target} (${record.generator}; seed ${record.seed} batch ${record.batch} #${record.index})${record.ms ? `: ${record.ms} ms` : ''}`,
      record.error ? `    ${String(record.error).split('\n').slice(0, 6).join('\n    ')}` : '',
      record.hotSpot ? `    hot spot: ${record.hotSpot}\n      ${String(record.stack ?? '').split('\n').slice(1, 6).join('\n      ')}` : '',
      `    input (${record.text.length} chars): ${text.length > 600 ? `${text.slice(0, 600)}…` : text}`,
      `    options: ${JSON.stringify(record.options).slice(0, 300)}${record.display ? `  display: ${JSON.stringify(record.display)}` : ''}`,
      file ? `    saved: ${relative(ROOT, file)}` : '',
    ];
    console.log(lines.filter(Boolean).join('\n'));
  };
  const onFinding = (signature, record) => {
    const known = findings.get(signature);
    if (known) {
      known.count++;
      return;
    }
    const file = write(record);
    findings.set(signature, { count: 1, file, record });
    show(record, file);
  };
  const onMinimised = (signature, record) => {
    const known = findings.get(signature);
    if (!known) return;
    if (known.file && existsSync(known.file)) unlinkSync(known.file);
    known.file = write(record);
    known.record = record;
    console.log(`    minimised ${record.minimisedFrom} → ${record.text.length} chars in ${record.minimiseRuns} runs: ${JSON.stringify(record.text).slice(0, 600)}\n    options: ${JSON.stringify(record.options).slice(0, 300)}${known.file ? `\n    saved: ${relative(ROOT, known.file)}` : ''}`);
  };

  const slots = [];
  const startWorker = (slot, startBatch) => {
    slot.ctrl[2] = -1; // no case yet: loading and warming up are not watched
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { role: 'fuzz-worker', seed, deadline, runs: args.runs / args.workers, hangMs: args.hangMs, startBatch, stride: args.workers, ctrlBuffer: slot.ctrl.buffer, statsBuffer: slot.stats.buffer, quiet: args.quiet, known: [...findings.keys()] },
      resourceLimits: { maxOldGenerationSizeMb: 2048, stackSizeMb: 8 },
    });
    slot.worker = worker;
    slot.alive = true;
    slot.incarnation = generatorStats.push({}) - 1;
    slot.lastBeat = Atomics.load(slot.ctrl, 0);
    slot.lastBeatAt = Date.now();
    worker.on('message', (m) => {
      if (m.type === 'finding') onFinding(m.signature, m.record);
      else if (m.type === 'minimised') onMinimised(m.signature, m.record);
      else if (m.type === 'stats') generatorStats[slot.incarnation] = m.byGenerator;
      else if (m.type === 'harness-error') {
        harnessErrors++;
        console.error(`harness error generating batch ${m.batch}: ${m.error}`);
      } else if (m.type === 'done') slot.done = true;
    });
    const exited = new Promise((resolve) => {
      worker.on('error', async (error) => {
        // An uncaught exception or a resource limit killed the worker: name the case it was on.
        deaths++;
        const batch = slot.ctrl[1];
        const index = slot.ctrl[2];
        const c = index >= 0 ? await regenerate(batch, index) : undefined;
        const target = slot.ctrl[3] === 2 ? 'decodeForDisplay' : slot.ctrl[3] === 3 ? 'minimise' : 'lint';
        if (c) {
          slot.stats[8]++;
          onFinding(`died|${signatureOf(error, target)}`, findingRecord('crash', c, { seed, batch, index }, { target, error: `worker died: ${String(error.stack ?? error)}` }));
        } else console.error(`worker died outside a case (batch ${batch}): ${error.stack ?? error}`);
      });
      worker.on('exit', () => resolve());
    });
    slot.exited = exited.then(async () => {
      slot.alive = false;
      if (!slot.done && !slot.stopping && Date.now() < deadline && slot.stats[0] < args.runs / args.workers) {
        // Go on after the batch it died or stalled in.
        startWorker(slot, slot.ctrl[1] + args.workers);
        await slot.exited;
      }
    });
  };
  for (let w = 0; w < args.workers; w++) {
    const slot = { ctrl: new Int32Array(new SharedArrayBuffer(5 * 4)), stats: new Float64Array(new SharedArrayBuffer(13 * 8)) };
    slots.push(slot);
    startWorker(slot, w);
  }

  const progress = setInterval(async () => {
    const now = Date.now();
    for (const slot of slots) {
      if (!slot.alive) continue;
      const beat = Atomics.load(slot.ctrl, 0);
      if (beat !== slot.lastBeat) {
        slot.lastBeat = beat;
        slot.lastBeatAt = now;
        continue;
      }
      const limit = (slot.ctrl[3] === 3 ? MINIMISE_STALL_SECONDS : args.stallSeconds) * 1000;
      if (now - slot.lastBeatAt > limit && slot.ctrl[2] >= 0) {
        // The watchdog: one input has run for more than --stall-seconds. Name it, kill the worker, go on.
        stalls++;
        slot.stats[9]++;
        const batch = slot.ctrl[1];
        const index = slot.ctrl[2];
        const target = slot.ctrl[3] === 2 ? 'decodeForDisplay' : slot.ctrl[3] === 3 ? 'minimise' : 'lint';
        slot.lastBeatAt = now;
        await slot.worker.terminate();
        const c = await regenerate(batch, index);
        onFinding(`stall|${target}|${c.generator.split(':')[0]}`, findingRecord('hang', c, { seed, batch, index }, { target, ms: `> ${limit}`, limitMs: args.hangMs, note: 'still running when the watchdog stopped it' }));
      }
    }
    if (!args.quiet && now - (progress.last ?? started) >= 30_000) {
      progress.last = now;
      const tried = slots.reduce((n, s) => n + s.stats[0], 0);
      console.log(`  ${Math.round((now - started) / 1000)} s: ${tried.toLocaleString('en')} inputs, ${Math.round(tried / ((now - started) / 1000))}/s, ${findings.size} distinct findings`);
    }
    // A last resort if a worker ignores its deadline.
    if (now > deadline + (args.stallSeconds + 90) * 1000) for (const slot of slots) if (slot.alive) {
      slot.stopping = true;
      slot.worker.terminate();
    }
  }, 250);
  await Promise.all(slots.map((s) => s.exited));
  // A worker replaced after a death or stall is awaited through slot.exited's chain.
  await Promise.all(slots.map((s) => s.exited));
  clearInterval(progress);

  // Summary.
  const elapsed = (Date.now() - started) / 1000;
  const sum = (i) => slots.reduce((n, s) => n + s.stats[i], 0);
  const tried = sum(0);
  const slowestSlot = slots.reduce((a, b) => (b.stats[3] > a.stats[3] ? b : a));
  const slowest = slowestSlot.stats[3] > 0 ? await regenerate(slowestSlot.stats[4], slowestSlot.stats[5]) : undefined;
  const byFamily = {};
  for (const snapshot of generatorStats) for (const [name, f] of Object.entries(snapshot)) {
    const t = (byFamily[name] ??= { count: 0, ms: 0, max: 0, maxGenerator: '' });
    t.count += f.count;
    t.ms += f.ms;
    if (f.max > t.max) Object.assign(t, { max: f.max, maxGenerator: f.maxGenerator });
  }
  const crashes = [...findings.values()].filter((f) => f.record.kind === 'crash');
  const invalid = [...findings.values()].filter((f) => f.record.kind === 'invalid');
  const hangs = [...findings.values()].filter((f) => f.record.kind === 'hang');
  const fmt = (n) => Math.round(n).toLocaleString('en');
  console.log(`\nsummary (seed ${seed}, ${elapsed.toFixed(0)} s, ${args.workers} worker${args.workers > 1 ? 's' : ''}, node ${process.version})`);
  console.log(`  inputs tried:   ${fmt(tried)} (lint ${fmt(sum(1))}, decodeForDisplay ${fmt(sum(2))}), ${(tried / elapsed).toFixed(1)} inputs/s`);
  console.log(`  crashes:        ${fmt(sum(8))} inputs threw, ${crashes.length} distinct${deaths ? ` (${deaths} worker deaths)` : ''}`);
  console.log(`  invalid result: ${fmt(sum(11))} inputs, ${invalid.length} distinct`);
  console.log(`  hangs:          ${fmt(sum(9))} inputs over their budget on ${CONFIRM_RUNS + 1} runs, ${hangs.length} distinct${stalls ? ` (${stalls} stalled past ${args.stallSeconds} s)` : ''}`);
  if (slowest) {
    console.log(`  slowest input:  ${slowestSlot.stats[3].toFixed(1)} ms in ${slowestSlot.stats[6] === 2 ? 'decodeForDisplay' : 'lint'} (${slowest.generator}, ${fmt(slowest.text.length)} chars; --dump ${slowestSlot.stats[4]}:${slowestSlot.stats[5]} --seed ${seed})`);
  }
  console.log(`  time:           ${(sum(7) / Math.max(1, sum(1) + sum(2))).toFixed(2)} ms mean per target run; ${fmt(sum(7) / 1000)} s in samlint, ${fmt(sum(12) / 1000)} s generating`);
  console.log('  by generator:   ' + Object.entries(byFamily).sort((a, b) => b[1].count - a[1].count).map(([name, f]) => `${name} ${fmt(f.count)} (mean ${(f.ms / f.count).toFixed(2)} ms, max ${f.max.toFixed(1)} ms)`).join('; '));
  if (harnessErrors) console.log(`  harness errors: ${harnessErrors} batches could not be generated (a bug in scripts/fuzz.mjs, not in samlint)`);
  for (const f of findings.values()) console.log(`  ${f.record.kind} ×${f.count}: ${f.record.target}, ${f.record.error ? String(f.record.error).split('\n')[0].slice(0, 120) : `${f.record.ms} ms${f.record.hotSpot ? ` in ${f.record.hotSpot}` : ''}`}${f.file ? ` → ${relative(ROOT, f.file)}` : ''}`);
  const found = findings.size > 0 || harnessErrors > 0;
  console.log(found ? '\nFAIL: findings above (each saved input is now a regression test: packages/core/test/fuzz-regressions.test.ts)' : '\nok: no crash, no hang');
  process.exitCode = found ? 1 : 0;
}

/** --replay: runs saved findings again, timing each target, and says what happens now. */
/**
 * Untimed runs of each replayed input before it is timed (three left a 12,000-element document still
 * half-optimised, at twice its steady 60 ms), and confirming re-runs when it is over the budget: more
 * than the fuzzer's, since CI fails on a replayed input that a GC pause pushed over, while a truly
 * slow one stays slow on every run. Each re-run waits a moment first: on a shared CI machine a spell
 * of slowness (one replay measured 118 ms, five times in a row, for an input that takes 50 ms on the
 * same kind of machine) lasts longer than five back-to-back runs, and a hang outlasts any pause.
 */
const WARM_UP_RUNS = 10;
const REPLAY_CONFIRM_RUNS = 4;
const REPLAY_CONFIRM_PAUSE_MS = 500;

async function replay(args) {
  const core = await loadCore();
  const files = args.replay.flatMap((p) => (p.endsWith('.json') ? [p] : readdirSync(p).filter((f) => f.endsWith('.json')).map((f) => join(p, f))));
  let failed = 0;
  for (const file of files) {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    const c = { text: record.text, options: record.options, display: record.display };
    for (const target of ['lint', 'decodeForDisplay']) {
      try {
        // Timed as the fuzzer times it: warm (a fuzzing worker has run thousands of inputs, so the budget
        // is not billed for compiling samlint's code on a cold start), and over the budget only when the
        // confirming re-runs, each after a full GC, are too.
        const budget = hangBudget(core, c, args.hangMs);
        for (let warm = 0; warm < WARM_UP_RUNS; warm++) runTarget(core, target, c);
        let ms = runTarget(core, target, c);
        for (let again = 0; again < REPLAY_CONFIRM_RUNS && ms > budget; again++) {
          await new Promise((resolve) => setTimeout(resolve, REPLAY_CONFIRM_PAUSE_MS));
          collectGarbage();
          ms = Math.min(ms, runTarget(core, target, c));
        }
        const slow = ms > budget;
        // A known, still-open hang is reported but does not fail the replay (see the folder's README).
        if (slow && !record.open) failed++;
        console.log(`${relative(process.cwd(), file)}: ${target} ${slow ? (record.open ? 'SLOW (open)' : 'SLOW') : 'ok'} in ${ms.toFixed(1)} ms`);
      } catch (error) {
        failed++;
        console.log(`${relative(process.cwd(), file)}: ${target} THROWS\n  ${String(error.stack ?? error).split('\n').slice(0, 8).join('\n  ')}`);
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (!isMainThread && workerData?.role === 'fuzz-worker') await workerMain();
else if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1])) await main();
