import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, type LintOptions } from '../src/index.js';
import { runRule } from './rule-tester.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The fixed headings of a rule page, in this order (ESLint checkRuleFiles, Ruff check_docs_formatted). */
export const RULE_DOC_HEADINGS = [
  '## What it does',
  '## Why is this bad?',
  '## Example',
  '## How to fix',
  '## Assumptions',
  '## References',
];

export function rulePage(code: string): string {
  return readFileSync(join(ROOT, 'docs/rules', `${code}.md`), 'utf8');
}

interface Example {
  kind: 'incorrect' | 'correct';
  body: string;
  options: LintOptions;
}

/** Context blocks: a fenced `json trust-policy` or `json permission-policy` block is that option for the examples after it. */
const CONTEXT_BLOCKS: Record<string, 'trustPolicy' | 'permissionPolicy'> = { 'trust-policy': 'trustPolicy', 'permission-policy': 'permissionPolicy' };

/**
 * Examples are fenced blocks whose info string ends in `incorrect` or `correct`; an HTML comment
 * `<!-- options: {…} -->` just before a block gives its lint context, added to any policy given by a
 * context block above it.
 */
function examples(page: string): Example[] {
  const found: Example[] = [];
  const context: LintOptions = {};
  const block = /(?:<!--\s*options:\s*(\{.*?\})\s*-->\s*\n)?```(\w+) (incorrect|correct|trust-policy|permission-policy)\n([\s\S]*?)\n```/g;
  for (let m = block.exec(page); m; m = block.exec(page)) {
    const option = CONTEXT_BLOCKS[m[3] as string];
    if (option) context[option] = m[4] as string;
    else found.push({ kind: m[3] as Example['kind'], body: m[4] as string, options: { ...context, ...(m[1] ? JSON.parse(m[1]) : {}) } });
  }
  return found;
}

describe('rule pages', () => {
  for (const rule of RULES) {
    const { code, name } = rule.meta;
    describe(code, () => {
      const path = join(ROOT, 'docs/rules', `${code}.md`);
      it('has a page with the fixed headings in order', () => {
        expect(existsSync(path)).toBe(true);
        const page = rulePage(code);
        expect(page.split('\n')[0]).toBe(`# ${code}: ${name}`);
        const headings = page.split('\n').filter((line) => line.startsWith('## '));
        expect(headings).toEqual(RULE_DOC_HEADINGS);
      });
      it('has incorrect examples that fire the rule and correct ones that do not', () => {
        const all = examples(rulePage(code));
        expect(all.some((e) => e.kind === 'incorrect')).toBe(true);
        expect(all.some((e) => e.kind === 'correct')).toBe(true);
        for (const example of all) {
          const { reports } = runRule(rule, example.body, example.options);
          if (example.kind === 'incorrect') expect(reports.length, example.body).toBeGreaterThan(0);
          else expect(reports, example.body).toEqual([]);
        }
      });
    });
  }
});
