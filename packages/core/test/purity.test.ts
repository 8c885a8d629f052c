import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('packages/core is pure: strings in, findings out', () => {
  const files = sources(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('imports no I/O module', () => {
    const io = /from ['"](node:)?(fs|fs\/promises|net|http|https|http2|tls|dgram|dns|child_process|worker_threads|cluster|os|process)['"]/;
    for (const { path, text } of files) expect(text, path).not.toMatch(io);
  });

  it('reads no clock and no environment', () => {
    for (const { path, text } of files) {
      expect(text, path).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now|process\.(env|argv|cwd)/);
    }
  });
});
