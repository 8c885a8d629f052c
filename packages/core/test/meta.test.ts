import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, findRule } from '../src/index.js';
import { MANIFEST } from '../../../test-vectors/manifest.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../../..');
const FACTS = join(ROOT, '../shared/facts/aws-connect-saml.md');

describe('rule registry (checkRuleFiles)', () => {
  it('codes and names are unique, well-formed and in family order', () => {
    const codes = RULES.map((r) => r.meta.code);
    const names = RULES.map((r) => r.meta.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    for (const { meta } of RULES) {
      expect(meta.code).toMatch(new RegExp(`^${meta.family}\\d{3}$`));
      expect(meta.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      expect(meta.summary).not.toMatch(/\.$/);
    }
  });

  it('finds rules by code, in any case, and by name', () => {
    for (const rule of RULES) {
      expect(findRule(rule.meta.code.toLowerCase())).toBe(rule);
      expect(findRule(rule.meta.name)).toBe(rule);
    }
    expect(findRule('no-such-rule')).toBeUndefined();
  });

  for (const rule of RULES) {
    const { code, name, family } = rule.meta;
    describe(code, () => {
      it('lives in rules/<family>/<CODE>-<name>.ts', () => {
        const file = join(HERE, '../src/rules', family.toLowerCase(), `${code}-${name}.ts`);
        expect(existsSync(file), file).toBe(true);
      });
      it('has a test file and a doc page', () => {
        expect(existsSync(join(HERE, 'rules', `${code}.test.ts`))).toBe(true);
        expect(existsSync(join(ROOT, 'docs/rules', `${code}.md`))).toBe(true);
      });
      it('fires on at least one test vector', () => {
        expect(MANIFEST.some((v) => v.expect.includes(code))).toBe(true);
      });
      it('cites fact ids that exist in the facts file', () => {
        if (!existsSync(FACTS)) return;
        const facts = readFileSync(FACTS, 'utf8');
        for (const id of rule.meta.facts) expect(facts, id).toContain(`| ${id} |`);
      });
    });
  }

  it('has no rule file, test or page without a registry entry', () => {
    const codes = new Set(RULES.map((r) => r.meta.code));
    const pages = readdirSync(join(ROOT, 'docs/rules')).filter((f) => /^[A-Z]+\d{3}\.md$/.test(f));
    for (const page of pages) expect(codes.has(page.replace('.md', '')), page).toBe(true);
    for (const test of readdirSync(join(HERE, 'rules'))) expect(codes.has(test.replace('.test.ts', '')), test).toBe(true);
  });
});
