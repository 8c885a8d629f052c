import { describe, expect, it } from 'vitest';
import { lint } from '@samlint/core';
import { MANIFEST, loadVector } from './manifest.js';

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
