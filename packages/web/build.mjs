// Builds the page into dist/: index.html (with its Content-Security-Policy), app.js and app.css, the
// core and its libraries bundled for the browser with Node's built-ins swapped for src/node/ (see
// docs/decisions/0009-browser-crypto.md). Prints the size against the budget; over it, the build fails.
import { copyFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** What a user downloads, gzipped as any static host serves it. */
export const BUDGET_GZIP_BYTES = 450_000;
export const DIST = here('dist/');
const FILES = ['index.html', 'app.js', 'app.css'];

const RULE_DOCS = here('../../docs/rules/');

/** `samlint:rule-pages`: every rule page of docs/rules/ by code, bundled so that the page explains a rule offline. */
const rulePages = {
  name: 'rule-pages',
  setup(build) {
    build.onResolve({ filter: /^samlint:rule-pages$/ }, () => ({ path: 'rule-pages', namespace: 'samlint' }));
    build.onLoad({ filter: /.*/, namespace: 'samlint' }, () => {
      const files = readdirSync(RULE_DOCS).filter((name) => /^[A-Z]+\d+\.md$/.test(name));
      const pages = Object.fromEntries(files.map((name) => [name.slice(0, -3), readFileSync(join(RULE_DOCS, name), 'utf8')]));
      return { contents: `export default ${JSON.stringify(pages)};`, loader: 'js', watchFiles: files.map((name) => join(RULE_DOCS, name)) };
    });
  },
};

/** Builds into `outdir` (dist/ by default; a test builds elsewhere) and gives the sizes. */
export async function buildPage(outdir = DIST) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { app: here('src/main.ts') },
    outdir,
    bundle: true,
    // A classic script: Chromium refuses an ES module script from file:// (its origin is opaque).
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox120'],
    minify: true,
    legalComments: 'none',
    // The core from its source, so that a clean clone builds the page without building the core first.
    alias: { '@samlint/core': here('../core/src/index.ts'), 'node:crypto': here('src/node/crypto.ts'), 'node:zlib': here('src/node/zlib.ts') },
    inject: [here('src/node/buffer.ts')],
    // papaparse (the core's CSV reader) can also download a CSV, which the core never asks of it: the
    // page has no XMLHttpRequest to do it with, even if the security policy did not stop it.
    define: { XMLHttpRequest: 'undefined' },
    plugins: [rulePages],
    logLevel: 'warning',
  });
  copyFileSync(here('src/index.html'), join(outdir, 'index.html'));
  const sizes = FILES.map((name) => {
    const bytes = readFileSync(join(outdir, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  return { sizes, gzip: sizes.reduce((sum, file) => sum + file.gzip, 0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { sizes, gzip } = await buildPage();
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const file of sizes) console.log(`  dist/${file.name.padEnd(10)} ${kb(file.bytes).padStart(10)}  gzip ${kb(file.gzip).padStart(9)}`);
  console.log(`  page size ${kb(gzip)} gzip, budget ${kb(BUDGET_GZIP_BYTES)}`);
  if (gzip > BUDGET_GZIP_BYTES) {
    console.error(`samlint web: the page is over its size budget by ${kb(gzip - BUDGET_GZIP_BYTES)}`);
    process.exitCode = 1;
  }
}
