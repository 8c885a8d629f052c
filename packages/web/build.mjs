// Builds the page into dist/index.html, one file: the core and its libraries bundled for the browser
// with Node's built-ins swapped for src/node/ (docs/decisions/0009-browser-crypto.md), the script and
// the stylesheet inline with their hashes in the Content-Security-Policy. Prints the size against the
// budget; over it, the build fails.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * What a user downloads, gzipped as any static host serves it. 463 KB once schema validation (its
 * compiled tables) and the first IdP-configuration readers joined the core; 482 KB with the Entra ID
 * and AD FS readers, IDP006 and IDP007 and the signatures panel, none of them a new library. The
 * budget leaves room for a few rules, not for a new library.
 */
export const BUDGET_GZIP_BYTES = 500_000;
export const DIST = here('dist/');

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

const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Builds into `outdir` (dist/ by default; a test builds elsewhere) and gives the sizes. */
export async function buildPage(outdir = DIST) {
  rmSync(outdir, { recursive: true, force: true });
  const { outputFiles } = await build({
    entryPoints: { app: here('src/main.ts') },
    outdir,
    write: false,
    bundle: true,
    // A classic script: Chromium refuses an ES module script from file:// (its origin is opaque).
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox120'],
    minify: true,
    legalComments: 'none',
    // The core from its source, so that a clean clone builds the page without building the core first.
    // Without the HCL parser (src/no-hcl-parser.ts says why): the page does not read Terraform source.
    alias: {
      '@samlint/core': here('../core/src/index.ts'),
      'node:crypto': here('src/node/crypto.ts'),
      'node:zlib': here('src/node/zlib.ts'),
      'codemirror-lang-hcl': here('src/no-hcl-parser.ts'),
    },
    inject: [here('src/node/buffer.ts')],
    // papaparse (the core's CSV reader) can also download a CSV, which the core never asks of it: the
    // page has no XMLHttpRequest to do it with, even if the security policy did not stop it.
    define: { XMLHttpRequest: 'undefined' },
    plugins: [rulePages],
    logLevel: 'warning',
  });
  const output = (extension) => outputFiles.find((file) => file.path.endsWith(extension)).text;
  const [script, style] = [output('.js'), output('.css')];
  // esbuild escapes `</script` and `</style` in what it emits, so neither ends its element early.
  if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('an end tag inside the inline script or style');
  const html = readFileSync(here('src/index.html'), 'utf8')
    .replace('SCRIPT_HASH', cspHash(script))
    .replace('STYLE_HASH', cspHash(style))
    .replace('<style>STYLE</style>', () => `<style>${style}</style>`)
    .replace('<script>SCRIPT</script>', () => `<script>${script}</script>`);
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, 'index.html'), html);
  const bytes = Buffer.from(html, 'utf8');
  return { bytes: bytes.length, gzip: gzipSync(bytes).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, gzip } = await buildPage();
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`  dist/index.html ${kb(bytes)}, ${kb(gzip)} gzipped; budget ${kb(BUDGET_GZIP_BYTES)} gzipped`);
  if (gzip > BUDGET_GZIP_BYTES) {
    console.error(`samlint web: the page is over its size budget by ${kb(gzip - BUDGET_GZIP_BYTES)}`);
    process.exitCode = 1;
  }
}
