import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '@samlint/core';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface VectorEntry {
  file: string;
  description: string;
  signed: 'none' | 'assertion' | 'response' | 'both';
  options: Omit<LintOptions, 'users'> & { users?: string };
  expect: string[];
}

export const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));

/** Reads a vector and its context the way the CLI does: the users option names a file. */
export function loadVector(entry: VectorEntry): { text: string; options: LintOptions } {
  const text = readFileSync(join(HERE, entry.file), 'utf8');
  const { users, ...rest } = entry.options;
  const options: LintOptions = { ...rest };
  if (users) options.users = readFileSync(join(HERE, users), 'utf8');
  return { text, options };
}

describe('test vectors produce exactly the codes their manifest expects', () => {
  for (const entry of MANIFEST) {
    it(`${entry.file}: ${entry.description}`, () => {
      const { text, options } = loadVector(entry);
      const codes = [...new Set(lint(text, options).findings.map((f) => f.code))].sort();
      expect(codes).toEqual(entry.expect);
    });
  }

  it('the clean vectors leave nothing unchecked when given full context', () => {
    for (const entry of MANIFEST.filter((e) => e.file.startsWith('clean/'))) {
      const { text, options } = loadVector(entry);
      const result = lint(text, options);
      expect(result.findings).toEqual([]);
      expect(result.unchecked.map((u) => u.code)).toEqual([]);
    }
  });
});
