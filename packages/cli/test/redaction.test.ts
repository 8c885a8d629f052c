import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { Chalk } from 'chalk';
import { contextOption, why, type ContextOptionId } from '@samlint/core';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { MANIFEST, type VectorEntry } from '../../../test-vectors/manifest.js';
import { AWS, DEFAULTS, PROVIDER_ARN, ROLE_ARN, defaultAttributes } from '../../../test-vectors/lib/response.mjs';
import { CONFIG_OPTIONS } from '../src/config-options.js';
import { FORMATS, type FormatName } from '../src/format/index.js';
import type { FileResult } from '../src/format/types.js';
import { formatWhyJson, formatWhyStylish } from '../src/format/why.js';
import { lintInputs, redactResults, type LintInputsArgs } from '../src/lint-inputs.js';
import { main } from '../src/main.js';
import { CONTEXT_FLAGS } from '../src/options.js';
import { ROOT, memoryIo } from './memory-io.js';
import { vectorArgs, vectorConfig } from './vector-args.js';

/**
 * `--redact` on every vector and every format: the personal values each vector holds, found here by
 * the test's own reading of its decoded XML, context files and description (not by the code under
 * test), must not be in any output; and without --redact they are, so the test can fail.
 */

type What = 'NameID' | 'RoleSessionName' | 'SourceIdentity' | 'email' | 'account' | 'user' | 'SignatureValue' | 'DigestValue' | 'X509Certificate';

interface Personal {
  what: What;
  value: string;
}

/** Base64 values: compared exactly, unwrapped; every other value in any case (a case variant is the same person). */
const BASE64: ReadonlySet<What> = new Set(['SignatureValue', 'DigestValue', 'X509Certificate']);
/** Shorter values are redacted where a message quotes them (docs/redaction.md), so that is where they are looked for. */
const QUOTED_BELOW = 5;
/** What some vector shows without --redact in every format, and in some format: the kinds of value the test can see leak. */
const SHOWN_IN_EVERY_FORMAT: What[] = ['NameID', 'RoleSessionName', 'email', 'account'];
// No finding quotes a DigestValue or SignatureValue since samlint verifies signatures itself (the
// verifier it replaced echoed them in its error text); any that appeared would still be caught above.
const SHOWN_IN_SOME_FORMAT: What[] = [...SHOWN_IN_EVERY_FORMAT, 'SourceIdentity'];

const ELEMENT = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`, 'g');
const IDENTITY_ATTRIBUTE = /<(?:[\w.-]+:)?Attribute\b[^>]*\bName="[^"]*\/(RoleSessionName|SourceIdentity)"[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Attribute>/g;
const BASE64_ELEMENT = /<(?:[\w.-]+:)?(SignatureValue|DigestValue|X509Certificate)\b[^>]*>([^<]*)</g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ARN_ACCOUNT = /arn:aws[\w-]*:[\w-]*:[\w-]*:(\d{12}):/g;
const USERNAME = /"Username"\s*:\s*"([^"]+)"/g;

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** An element's text: whole, and each piece a comment or CDATA section splits it into (SIG012 quotes the pieces). */
function texts(inner: string): string[] {
  const pieces = inner.split(/<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>/).map((piece) => unescapeXml(piece).trim());
  return [pieces.join(''), ...pieces].filter(Boolean);
}

/** The personal values of a vector: in the XML it decodes to, its context files and its description, and the builder's defaults (an encrypted assertion hides its own). */
function personalValues(vector: VectorEntry, xml: string[]): Personal[] {
  const found: Personal[] = [
    { what: 'NameID', value: DEFAULTS.nameId ?? '' },
    ...defaultAttributes()
      .filter(([name]) => name === AWS.roleSessionName)
      .flatMap(([, values]) => values.map((value) => ({ what: 'RoleSessionName' as const, value }))),
    ...[ROLE_ARN, PROVIDER_ARN].flatMap((arn) => [...arn.matchAll(ARN_ACCOUNT)].map((m) => ({ what: 'account' as const, value: m[1] as string }))),
  ];
  // The context documents findings point into, whose values an output may quote.
  const context = Object.entries(vectorConfig(vector))
    .filter(([id]) => contextOption(id as ContextOptionId).artifact !== undefined)
    .map(([, path]) => readFileSync(path as string, 'utf8'));
  for (const text of xml) {
    for (const [, inner] of text.matchAll(ELEMENT('NameID'))) found.push(...texts(inner as string).map((value) => ({ what: 'NameID' as const, value })));
    for (const [, name, inner] of text.matchAll(IDENTITY_ATTRIBUTE)) {
      for (const [, value] of (inner as string).matchAll(ELEMENT('AttributeValue'))) {
        found.push(...texts(value as string).map((v) => ({ what: name as What, value: v })));
      }
    }
  }
  for (const text of [...xml, ...context]) {
    for (const [, what, value] of text.matchAll(BASE64_ELEMENT)) found.push({ what: what as What, value: (value as string).replace(/\s+/g, '') });
  }
  for (const text of [...xml, ...context, vector.description]) {
    for (const [email] of text.matchAll(EMAIL)) found.push({ what: 'email', value: email });
    for (const [, account] of text.matchAll(ARN_ACCOUNT)) found.push({ what: 'account', value: account as string });
    for (const [, user] of text.matchAll(USERNAME)) found.push({ what: 'user', value: user as string });
  }
  return found.filter((p) => p.value !== '');
}

/** The forms a value takes in an output: as it is, and escaped in a JSON string. */
function appears(output: string, { what, value }: Personal): boolean {
  const forms = [value, JSON.stringify(value).slice(1, -1)].map((form) => (value.length < QUOTED_BELOW && !BASE64.has(what) ? `\`${form}\`` : form));
  if (BASE64.has(what)) return forms.some((form) => output.includes(form));
  const lower = output.toLowerCase();
  return forms.some((form) => lower.includes(form.toLowerCase()));
}

/**
 * What of an output comes from the input. SARIF's `tool` is samlint's own documentation of the rules
 * that fired (their pages' examples use the vectors' names), the same whatever the input.
 */
const FROM_INPUT: Partial<Record<FormatName, (output: string) => string>> = {
  sarif: (output) => JSON.stringify({ ...JSON.parse(output), runs: JSON.parse(output).runs.map(({ tool: _, ...run }: { tool: unknown }) => run) }),
};

/** Redacted JSON keeps the contract: it validates against the published schemas. */
const ajv = new Ajv2020({ allErrors: true });
const SCHEMAS: Record<string, ValidateFunction> = {
  json: ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/samlint-output.schema.json'), 'utf8'))),
  'why json': ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/samlint-why.schema.json'), 'utf8'))),
};

const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
const WHY_MESSAGE = 'Access denied'; // ambiguous: its candidates, and every other error and warning as "also wrong"
const chalk = new Chalk({ level: 0 });

/** The vector linted as `check` does with its flags: the results without and with --redact. */
function lintVector(vector: VectorEntry): { plain: FileResult[]; redacted: FileResult[] } {
  const parsed = yargs().options(CONTEXT_FLAGS).options(CONFIG_OPTIONS).parseSync(vectorArgs(vector));
  const { io } = memoryIo();
  const plain = lintInputs(io, { ...parsed, inputs: parsed._.map(String) } as LintInputsArgs).results;
  return { plain, redacted: redactResults(plain) };
}

async function formatAll(results: FileResult[]): Promise<Array<{ format: string; output: string }>> {
  const check = await Promise.all(
    FORMAT_NAMES.map(async (format) => {
      const output = await FORMATS[format]({ results, chalk, cwd: ROOT });
      return { format, output: FROM_INPUT[format]?.(output) ?? output };
    }),
  );
  // As `samlint why` names them: each login of a HAR file by its entry.
  const captures = results.map(({ source, result }) => ({ source: result.entry ? `${source} ${result.entry.label}` : source, result }));
  const report = why(WHY_MESSAGE, captures);
  return [...check, { format: 'why stylish', output: formatWhyStylish(report, captures, chalk) }, { format: 'why json', output: formatWhyJson(report, captures) }];
}

describe('--redact', () => {
  it('includes sarif, github and gcc among the formats it covers', () => {
    expect(FORMAT_NAMES).toEqual(expect.arrayContaining(['stylish', 'json', 'sarif', 'github', 'gcc']));
  });

  it('leaves no personal value of any vector in any format of check and why; without it they show', { timeout: 120_000 }, async () => {
    const shown = new Map<string, Set<What>>();
    for (const vector of MANIFEST) {
      const { plain, redacted } = lintVector(vector);
      const personal = personalValues(vector, plain.map(({ result }) => result.xml ?? ''));
      for (const { format, output } of await formatAll(plain)) {
        const seen = shown.get(format) ?? new Set();
        for (const p of personal) if (appears(output, p)) seen.add(p.what);
        shown.set(format, seen);
      }
      for (const { format, output } of await formatAll(redacted)) {
        const leaked = personal.filter((p) => appears(output, p)).map((p) => `${p.what} ${p.value}`);
        expect(leaked, `${vector.file} --format ${format}`).toEqual([]);
        const schema = SCHEMAS[format];
        if (schema && !schema(JSON.parse(output))) expect.fail(`${vector.file} --format ${format}: ${ajv.errorsText(schema.errors)}`);
      }
    }
    for (const [format, seen] of shown) expect([...seen], format).toEqual(expect.arrayContaining(SHOWN_IN_EVERY_FORMAT));
    expect([...shown.values()].flatMap((seen) => [...seen])).toEqual(expect.arrayContaining(SHOWN_IN_SOME_FORMAT));
  });
});

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main(args, io);
  return { code, ...captured };
}

const WRONG_CASE = MANIFEST.find((v) => v.file === 'cx/user-name-wrong-case.xml') as VectorEntry;
const USERS = 'test-vectors/users/connect-users.csv';

describe('samlint check and why --redact', () => {
  it('redact what check prints in every format, keeping a case mismatch readable', async () => {
    for (const format of FORMAT_NAMES) {
      const plain = await run(['check', ...vectorArgs(WRONG_CASE), '--format', format]);
      const redacted = await run(['check', ...vectorArgs(WRONG_CASE), '--format', format, '--redact']);
      const fromInput = FROM_INPUT[format] ?? ((output: string) => output);
      expect(fromInput(plain.stdout), format).toContain('li.wei@example.com');
      expect(fromInput(redacted.stdout), format).not.toMatch(/li\.wei@example\.com/i);
      expect(redacted.code, format).toBe(plain.code);
    }
    const { stdout } = await run(['check', ...vectorArgs(WRONG_CASE), '--redact']);
    expect(stdout).toContain('no Connect user `«email-1»`; user `«email-1, case 2»` exists with different case');
  });

  it('number placeholders per file: a file’s report is the same whatever else the run checks', async () => {
    // Both captures carry jane.doe@example.com: one in a RoleSessionName note, one in CX003 (with Jane.Doe@example.com).
    const other = 'test-vectors/aws/role-session-name-two-values.xml';
    const sample = 'test-vectors/samples/agent-access-denied.txt';
    const report = async (inputs: string[]) => {
      const { stdout } = await run(['check', ...inputs, '--users', USERS, '--no-config', '--format', 'json', '--redact']);
      return JSON.parse(stdout).files.map((file: unknown) => JSON.stringify(file)) as string[];
    };
    const [alone] = await report([sample]);
    const [first, second] = await report([other, sample]);
    expect(second).toBe(alone);
    expect(first).toContain('`«email-1»`');
    expect(alone).toContain('no Connect user `«email-1»`; user `«email-1, case 2»` exists with different case');
  });

  it('redact why in both formats', async () => {
    for (const format of ['stylish', 'json']) {
      const plain = await run(['why', WHY_MESSAGE, ...vectorArgs(WRONG_CASE), '--format', format]);
      const redacted = await run(['why', WHY_MESSAGE, ...vectorArgs(WRONG_CASE), '--format', format, '--redact']);
      expect(plain.stdout, format).toMatch(/li\.wei@example\.com/i);
      expect(redacted.stdout, format).not.toMatch(/li\.wei@example\.com/i);
      expect(redacted.stdout, format).toContain('«email-1, case 2»');
    }
  });

  it('take `redact` from samlint.config.json; --no-redact overrides it', async () => {
    const files = { 'samlint.config.json': '{ "redact": true }' };
    const args = ['check', ...vectorArgs(WRONG_CASE).filter((arg) => arg !== '--no-config'), '--config', 'samlint.config.json'];
    expect((await run(args, { files })).stdout).toContain('«email-1»');
    expect((await run([...args, '--no-redact'], { files })).stdout).toMatch(/li\.wei@example\.com/i);
  });
});
