import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../../test-vectors/manifest.js';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';
import { vectorArgs } from './vector-args.js';

const OUTPUT_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/samlint-output.schema.json'), 'utf8'));
const WHY_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/samlint-why.schema.json'), 'utf8'));
const DOC = readFileSync(join(ROOT, 'docs/json-output.md'), 'utf8');

const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(OUTPUT_SCHEMA);
ajv.addSchema(WHY_SCHEMA);
const validateOutput = ajv.getSchema(OUTPUT_SCHEMA.$id) as ValidateFunction;
const validateWhy = ajv.getSchema(WHY_SCHEMA.$id) as ValidateFunction;

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main([...args, '--format', 'json'], io);
  expect(captured.stderr, args.join(' ')).toBe('');
  return { code, output: JSON.parse(captured.stdout) };
}

function errors(validate: ValidateFunction, value: unknown): string {
  return validate(value) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

/** Every property name a schema defines, at any depth. */
function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const own = 'properties' in schema ? Object.keys(schema.properties as object) : [];
  return [...own, ...Object.values(schema).flatMap(propertyNames)];
}

describe('the published JSON Schemas', () => {
  it('are valid draft 2020-12 schemas whose references resolve', () => {
    expect(validateOutput).toBeTypeOf('function');
    expect(validateWhy).toBeTypeOf('function');
  });

  it('name only fields docs/json-output.md documents', () => {
    for (const name of new Set([...propertyNames(OUTPUT_SCHEMA), ...propertyNames(WHY_SCHEMA)])) {
      expect(DOC, name).toMatch(new RegExp(`"${name}":`));
    }
  });
});

describe('check --format json', () => {
  it('validates against the schema on every vector, with its context, finding what the vector expects', { timeout: 120_000 }, async () => {
    for (const vector of MANIFEST) {
      const { code, output } = await run(['check', ...vectorArgs(vector)]);
      expect(errors(validateOutput, output), vector.file).toBe('');
      // The flags carried the vector's context: the CLI finds what the core does.
      const codes = new Set<string>(output.files.flatMap((file: { findings: Array<{ code: string }> }) => file.findings.map((f) => f.code)));
      expect([...codes].sort(), vector.file).toEqual([...vector.expect].sort());
      expect(code, vector.file).toBe(output.counts.error > 0 ? 1 : 0);
    }
  });

  it('validates with a config, HAR entries, labels, notes and suppressed findings', async () => {
    const config = JSON.stringify({ users: 'test-vectors/users/connect-users.csv', ignores: [{ code: 'CX007', reason: 'known' }] });
    const { output } = await run(['check', 'test-vectors/samples/browser-export.har'], { files: { 'samlint.config.json': config } });
    expect(errors(validateOutput, output)).toBe('');
    const findings = output.files.flatMap((file: { findings: unknown[] }) => file.findings);
    expect(output.config).toBe('samlint.config.json');
    expect(output.summary.suppressed).toBeGreaterThan(0);
    expect(output.files[0].entry).toBeDefined();
    expect(findings.some((f: { labels?: unknown[] }) => f.labels?.length)).toBe(true);
    expect(findings.some((f: { notes?: unknown[] }) => f.notes?.length)).toBe(true);
  });

  it('rejects output that drifts from the contract', async () => {
    const { output } = await run(['check', 'test-vectors/capture/truncated.b64']);
    const drifted = [
      (o: any) => void (o.files[0].findings[0].extra = true),
      (o: any) => void delete o.counts,
      (o: any) => void (o.files[0].findings[0].severity = 'fatal'),
      (o: any) => void (o.files[0].findings[0].location.span.line = 0),
      (o: any) => void (o.schemaVersion = 1),
      (o: any) => void delete o.files[0].findings[0].messageId,
      (o: any) => void (o.files[0].findings[0].data = { detail: ['not', 'a', 'value'] }),
      (o: any) => void (o.files[0].findings[0].location.artifact = 'clipboard'),
    ];
    for (const drift of drifted) {
      const copy = structuredClone(output);
      drift(copy);
      expect(validateOutput(copy), drift.toString()).toBe(false);
    }
  });
});

describe('why --format json', () => {
  const SAMPLE = 'test-vectors/samples/agent-access-denied.txt';
  const USERS = 'test-vectors/users/connect-users.csv';
  const cases: Array<[string, string[]]> = [
    ['an exact message with its capture', ['why', 'RoleSessionName in AuthnResponse must match …', 'test-vectors/aws/role-session-name-display-name.xml']],
    ['an ambiguous message with context', ['why', 'Access denied', SAMPLE, '--users', USERS]],
    ['an ambiguous message and no capture', ['why', 'Access denied']],
    ['two messages in one text', ['why', 'Your request included an invalid SAML response. Access Denied. Your account has been authenticated, but has not been onboarded to this application.']],
    ['an unknown message', ['why', 'the printer is on fire', SAMPLE]],
  ];

  it.each(cases)('validates against the schema: %s', async (_, args) => {
    const { output } = await run(args);
    expect(errors(validateWhy, output)).toBe('');
  });

  it('covers every kind of match', async () => {
    const matches = await Promise.all(cases.map(async ([, args]) => (await run(args)).output.match));
    expect(new Set(matches)).toEqual(new Set(['exact', 'ambiguous', 'several', 'unknown']));
  });

  it('rejects a list of known messages beside a recognised one', async () => {
    const { output } = await run(cases[0]?.[1] ?? []);
    expect(validateWhy({ ...output, known: [] })).toBe(false);
  });
});
