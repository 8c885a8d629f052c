import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { MANIFEST, loadVector } from '../../../test-vectors/manifest.js';
import { buildResponse, toBase64 } from '../../../test-vectors/lib/response.mjs';

/** A small deterministic PRNG (mulberry32), so every run mutates the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['<', '>', '&', '"', "'", '<!--', '-->', '<![CDATA[', ']]>', '</saml:Assertion>', '<saml:Assertion>', '\u0000', '\uFFFF', '%', '%2', '=', '&amp;', '\n', 'xmlns:saml="x"'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + (SNIPPETS[Math.floor(next() * SNIPPETS.length)] ?? '') + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
    case 3:
      return text.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + text.slice(at + 1);
    default:
      return text.slice(at) + text.slice(0, at);
  }
}

describe('bad input never throws', () => {
  const seeds = MANIFEST.filter((v) => !v.file.startsWith('bench/')).map(loadVector);
  seeds.push({ text: buildResponse(), options: { now: '2026-11-27T09:00:30Z', relayState: 'https://x' } });
  seeds.push({ text: toBase64(buildResponse()), options: {} });

  it('lints 3,000 mutated vectors without an exception, each producing a result', { timeout: 120_000 }, () => {
    const next = random(20261127);
    for (let i = 0; i < 3000; i++) {
      const seed = seeds[i % seeds.length] as (typeof seeds)[number];
      let text = seed.text;
      const rounds = 1 + Math.floor(next() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, next);
      let result;
      try {
        result = lint(text, seed.options);
      } catch (error) {
        throw new Error(`lint threw on mutation ${i}: ${(error as Error).stack}\ninput: ${JSON.stringify(text.slice(0, 400))}`);
      }
      expect(Array.isArray(result.findings)).toBe(true);
    }
  });

  it('survives hostile context values', () => {
    const text = buildResponse();
    for (const relayState of ['', ' ', 'not a url', 'https://', 'https://eu-west-2.console.aws.amazon.com/connect/federate/?destination=%', '%%%']) {
      expect(() => lint(text, { relayState, now: '2026-11-27T09:00:30Z' })).not.toThrow();
    }
    for (const users of ['', ',,,', '"', '[]', '{}', 'null', '[{"Username": 5}]', readFileSync(new URL(import.meta.url), 'utf8')]) {
      expect(() => lint(text, { users })).not.toThrow();
    }
    expect(() => lint(text, { now: 'not a date', region: 'x' })).not.toThrow();
  });
});
