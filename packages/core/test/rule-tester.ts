import { describe, expect, it } from 'vitest';
import { lintFile, type LintOptions, type LintResult, type Rule } from '../src/index.js';
import type { Report } from '../src/model/rule.js';

export interface ValidCase {
  name: string;
  input: string;
  options?: LintOptions;
}

export interface ExpectedReport {
  messageId: string;
  /** A subset of the report's data. */
  data?: Record<string, string | number>;
  line?: number;
  column?: number;
  severity?: 'error' | 'warning' | 'info';
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedReport[];
}

/**
 * Runs one rule alone over the input and returns what it reported, with the findings each became: one
 * result, or one per login of a HAR file or SAML-tracer export (`result` is the first).
 */
export function runRule(rule: Rule, input: string, options: LintOptions = {}) {
  const reports: Report[] = [];
  const spy: Rule = {
    meta: rule.meta,
    check: (ctx) => rule.check({ ...ctx, report: (r) => (reports.push(r), ctx.report(r)) }),
  };
  const results = lintFile(input, options, [spy]);
  return { reports, result: results[0] as LintResult, results };
}

/**
 * ESLint's RuleTester, for samlint: table-driven valid and invalid cases. Both sides are required and
 * names must be unique; invalid cases assert on messageId and data, never on wording.
 */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  if (cases.valid.length === 0 || cases.invalid.length === 0) {
    throw new Error(`${rule.meta.code}: a rule test needs valid and invalid cases`);
  }
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`${rule.meta.code}: duplicate case name '${duplicate}'`);
  for (const c of cases.invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.meta.code}: invalid case '${c.name}' lists no errors`);
    for (const e of c.errors) {
      if (!(e.messageId in rule.meta.messages)) throw new Error(`${rule.meta.code}: unknown messageId '${e.messageId}'`);
    }
  }

  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const { reports } = runRule(rule, c.input, c.options);
          expect(reports).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const { reports, results } = runRule(rule, c.input, c.options);
          expect(reports.map((r) => r.messageId)).toEqual(c.errors.map((e) => e.messageId));
          c.errors.forEach((expected, i) => {
            const report = reports[i] as Report;
            if (expected.data) expect(report.data).toMatchObject(expected.data);
            if (expected.severity) expect(report.severity ?? rule.meta.severity).toBe(expected.severity);
            if (expected.line !== undefined) expect(report.location?.span.line).toBe(expected.line);
            if (expected.column !== undefined) expect(report.location?.span.column).toBe(expected.column);
          });
          // Every report becomes a finding with this rule's code, the report's message id and data, a message and help.
          const findings = results.flatMap((result) => result.findings);
          expect(new Set(findings.map((f) => f.messageId))).toEqual(new Set(c.errors.map((e) => e.messageId)));
          for (const f of findings) {
            expect(f.code).toBe(rule.meta.code);
            expect(reports).toContainEqual(expect.objectContaining({ messageId: f.messageId, ...(Object.keys(f.data).length ? { data: expect.objectContaining(f.data) } : {}) }));
            expect(f.message).not.toMatch(/\{\{/);
            expect(f.help).not.toMatch(/\{\{/);
          }
        });
      }
    });
  });
}
