import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

const API_DOC = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');

describe('the public API', () => {
  it('is documented: docs/api.md names every value the core exports', () => {
    const undocumented = Object.keys(core).filter((name) => !API_DOC.includes(`\`${name}`));
    expect(undocumented).toEqual([]);
  });
});
