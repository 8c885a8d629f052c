import { describe, expect, it } from 'vitest';
import { lintFile } from '@samlint/core';
import { MANIFEST, loadVector } from './manifest.js';

describe('test vectors produce exactly the codes their manifest expects', () => {
  for (const entry of MANIFEST) {
    it(`${entry.file}: ${entry.description}`, () => {
      const { text, options } = loadVector(entry);
      // A HAR file or SAML-tracer export gives a result per login: the vector expects the union.
      const codes = [...new Set(lintFile(text, options).flatMap((result) => result.findings.map((f) => f.code)))].sort();
      expect(codes).toEqual(entry.expect);
    });
  }

  it('a result that names no valid signature always carries an error or a warning', () => {
    for (const entry of MANIFEST) {
      const { text, options } = loadVector(entry);
      for (const result of lintFile(text, options)) {
        if (result.signatures === undefined || !/^(no valid signature|nothing signed)/.test(result.signatures)) continue;
        expect(result.findings.filter((f) => f.severity !== 'info').length, `${entry.file}: ${result.signatures}`).toBeGreaterThan(0);
      }
    }
    // Every vector, the 1 MB one included, in one test: more than vitest's default 5 s on a busy machine.
  }, 60_000);

  it('the clean vectors leave nothing unchecked when given full context', () => {
    for (const entry of MANIFEST.filter((e) => e.file.startsWith('clean/'))) {
      const { text, options } = loadVector(entry);
      for (const result of lintFile(text, options)) {
        expect(result.findings).toEqual([]);
        expect(result.unchecked.map((u) => u.code)).toEqual([]);
      }
    }
  });
});
