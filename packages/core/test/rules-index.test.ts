import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAMILY_PROFILES, NEED_FLAGS, RULES, SYMPTOMS, type Rule } from '../src/index.js';
import { RULES_INDEX_COMMAND, RULES_INDEX_PATH, renderRulesIndex } from '../../../scripts/render-rules-index.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function render(rules: readonly Rule[]): string {
  return renderRulesIndex({ rules, needFlags: NEED_FLAGS, familyProfiles: FAMILY_PROFILES, symptoms: SYMPTOMS });
}

/** The index's sections: each `## ` heading and the lines under it. */
function sections(index: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let lines: string[] = [];
  for (const line of index.split('\n')) {
    if (line.startsWith('## ')) found.set(line, (lines = []));
    else lines.push(line);
  }
  return found;
}

function fakeRule(meta: Partial<Rule['meta']>): Rule {
  return {
    meta: { code: 'CX999', name: 'fake-rule', family: 'CX', stage: 'response', severity: 'warning', summary: 'A fake rule', facts: [], symptoms: [], messages: {}, ...meta },
    check: () => {},
  };
}

describe('the rules index (docs/rules/README.md)', () => {
  it('is up to date with the rules’ metadata', () => {
    const committed = readFileSync(join(ROOT, RULES_INDEX_PATH), 'utf8');
    expect(committed, `${RULES_INDEX_PATH} is out of date: run \`${RULES_INDEX_COMMAND}\` and commit it`).toBe(render(RULES));
  });

  it('lists every rule once, under its family, linked to its page', () => {
    const bySection = sections(render(RULES));
    for (const { meta } of RULES) {
      const rows = [...bySection].filter(([, lines]) => lines.some((line) => line.startsWith(`| [${meta.code}](${meta.code}.md) |`)));
      expect(rows.map(([heading]) => heading), meta.code).toEqual([expect.stringMatching(new RegExp(`^## ${meta.family}: `))]);
    }
  });

  it('names what a rule needs by its flags, its profiles by default its family’s, and keeps a `|` inside its cell', () => {
    const index = render([fakeRule({ needs: ['trust', 'users'], summary: 'a | b', facts: ['CX-USER-001'] })]);
    const row = index.split('\n').find((line) => line.startsWith('| [CX999](CX999.md) |'));
    expect(row).toBe('| [CX999](CX999.md) | `fake-rule`: a \\| b | warning | response | aws | `--cert` or `--metadata`, `--users` | `CX-USER-001` | — |');
    expect(render([fakeRule({ profiles: ['generic'] })])).toContain('| warning | response | generic | — |');
  });

  it('lists under each symptom the rules that cause it', () => {
    const index = render([fakeRule({ symptoms: ['session-expired'] }), fakeRule({ code: 'CX998', symptoms: ['session-expired', 'gr-resource-not-found'] })]);
    expect(index).toContain('| `session-expired` | `Session expired` | [CX999](CX999.md), [CX998](CX998.md) |');
    expect(index).toContain('| `gr-resource-not-found` | `ResourceNotFoundException` | [CX998](CX998.md) |');
    expect(index).toContain('| `request-arn-invalid` | `ValidationError: Request ARN is invalid` | — |');
  });

  it('refuses a family it has no title for, saying where to add one', () => {
    expect(() => render([fakeRule({ family: 'NEW' as Rule['meta']['family'] })])).toThrow(/FAMILY_TITLES in scripts\/render-rules-index\.mjs/);
  });
});
