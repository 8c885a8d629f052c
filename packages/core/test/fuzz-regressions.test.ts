// Every input `pnpm fuzz` found (test-vectors/fuzz-regressions/*.json, format in its README.md) is
// linted again here: no exception and a well-formed result. Unit tests time nothing: whether a former
// hang is fast again is `node scripts/fuzz.mjs --replay`'s to judge, which CI runs. An entry with an
// "open" note is a known, unfixed bug: a crash or invalid result is expected to still fail (it.fails,
// so fixing the bug fails this test until the note is removed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEVERITY_RANK, decodeForDisplay, lintFile, type LintOptions, type LintResult } from '../src/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../test-vectors/fuzz-regressions');
interface Case {
  text: string;
  options?: Record<string, unknown>;
  display?: { redact?: boolean; raw?: boolean };
}

interface Regression extends Case {
  kind: 'crash' | 'invalid' | 'hang';
  target?: string;
  generator?: string;
  open?: string;
  original?: Case;
}

const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];

/** Options as the fuzzer stores them: `{ "$date": … }` is a Date, `{ "$number": "NaN" }` a number JSON cannot hold. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const [only] = entries;
    if (entries.length === 1 && only?.[0] === '$date' && typeof only[1] === 'string') return new Date(only[1]);
    if (entries.length === 1 && only?.[0] === '$number' && typeof only[1] === 'string') return Number(only[1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

function checkLint(c: Case): void {
  // As the fuzzer runs it: lintFile, one result per login of a HAR file or SAML-tracer export.
  const results = lintFile(c.text, revive(c.options ?? {}) as LintOptions);
  expect(results.length).toBeGreaterThan(0);
  for (const result of results) checkResult(result);
}

function checkResult(result: LintResult): void {
  expect(typeof result.detected).toBe('string');
  expect(Array.isArray(result.findings)).toBe(true);
  expect(Array.isArray(result.unchecked)).toBe(true);
  for (const finding of result.findings) {
    expect(typeof finding.code).toBe('string');
    expect(typeof finding.messageId).toBe('string');
    expect(typeof finding.message).toBe('string');
    expect(Object.keys(SEVERITY_RANK)).toContain(finding.severity);
    const span = finding.location?.span;
    if (span) expect([span.line, span.column].every(Number.isFinite), `${finding.code} location ${JSON.stringify(span)}`).toBe(true);
  }
  expect(() => JSON.stringify(result)).not.toThrow();
}

function checkDisplay(c: Case): void {
  for (const redact of [false, true]) {
    const decoded = decodeForDisplay(c.text, { ...c.display, redact });
    expect(typeof decoded.detected).toBe('string');
    expect(Array.isArray(decoded.findings)).toBe(true);
  }
}

describe('fuzz regressions', () => {
  it('the folder explains its format, and every file in it is a regression record', () => {
    expect(existsSync(join(DIR, 'README.md'))).toBe(true);
    for (const file of files) {
      const record = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Regression;
      expect(['crash', 'invalid', 'hang'], file).toContain(record.kind);
      expect(typeof record.text, file).toBe('string');
      expect(file.startsWith(`${record.kind}-`), `${file} is named <kind>-<hash>.json`).toBe(true);
    }
  });

  for (const file of files) {
    const record = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Regression;
    const cases = [record, ...(record.original ? [record.original] : [])];
    const name = `${file} (${record.kind}${record.target ? ` in ${record.target}` : ''}${record.open ? `; open: ${record.open}` : ''})`;
    const test = record.open && record.kind !== 'hang' ? it.fails : it;
    test(name, () => {
      for (const c of cases) {
        checkLint(c);
        checkDisplay(c);
      }
    }, 60_000);
  }
});
