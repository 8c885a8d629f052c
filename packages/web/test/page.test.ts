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
beforeAll(async () => {
  built = await buildPage(out);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (name: string) => readFileSync(join(out, name), 'utf8');

describe('the built page', () => {
  it('carries a Content-Security-Policy that allows no connection and nothing remote', () => {
    const html = read('index.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'img-src']) expect(directives.get(name)).toEqual(["'self'"]);
  });

  it('loads only its own files: no inline script or style, nothing from another host', () => {
    const html = read('index.html');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect([...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual(['app.css', 'app.js']);
  });

  it('has no code that could send what is pasted: no fetch of an absolute URL, no XMLHttpRequest, no beacon or socket', () => {
    const bundle = read('app.js');
    expect(bundle).not.toMatch(/fetch\(\s*["'`]https?:\/\//);
    expect(bundle).not.toMatch(/XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
  });

  it('stays within its size budget', () => {
    expect(built.gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('lints as you type with the language server’s debounce', () => {
    expect(DEBOUNCE_MS).toBe(SERVER_DEBOUNCE_MS);
  });
});
