import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript
import { BUDGET_GZIP_BYTES, buildPage } from '../build.mjs';
import { DEBOUNCE_MS as SERVER_DEBOUNCE_MS } from '../../cli/src/server/session.js';
import { DEBOUNCE_MS } from '../src/debounce.js';

// Not in dist/: the browser test may be reading that.
const out = mkdtempSync(join(tmpdir(), 'samlint-web-'));
let built: { gzip: number };
let html: string;
beforeAll(async () => {
  built = await buildPage(out);
  html = readFileSync(join(out, 'index.html'), 'utf8');
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const policy = () => {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBeDefined();
  return new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
};
const inline = (tag: 'script' | 'style') => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))];
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the built page', () => {
  it('carries a Content-Security-Policy that allows no connection and nothing from anywhere', () => {
    const directives = policy();
    for (const name of ['default-src', 'connect-src', 'img-src', 'font-src', 'form-action', 'base-uri']) expect(directives.get(name)).toEqual(["'none'"]);
  });

  it('runs only its own script and style, each allowed by its hash, and loads no file', () => {
    const directives = policy();
    const [scripts, styles] = [inline('script'), inline('style')];
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(scripts[0]![1]).toBe('');
    expect(directives.get('script-src')).toEqual([hash(scripts[0]![2]!)]);
    expect(directives.get('style-src')).toEqual([hash(styles[0]![2]!)]);
    expect(html).not.toMatch(/\s(?:src|href)=|\sstyle="/);
  });

  it('has no code that could send what is pasted: no fetch of an absolute URL, no XMLHttpRequest, no beacon or socket', () => {
    const script = inline('script')[0]![2]!;
    expect(script).not.toMatch(/fetch\(\s*["'`]https?:\/\//);
    expect(script).not.toMatch(/XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
  });

  it('stays within its size budget', () => {
    expect(built.gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('lints as you type with the language server’s debounce', () => {
    expect(DEBOUNCE_MS).toBe(SERVER_DEBOUNCE_MS);
  });
});
