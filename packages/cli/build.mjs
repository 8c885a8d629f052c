// Builds the samlint CLI into bundle/: one ES module entry (samlint.mjs) with every runtime dependency
// inside, the chunks it imports only when a command needs them (the LSP for `server`, the formats,
// Ajv…), the rule pages `explain` shows (rules/) and the licences of what it contains
// (THIRD-PARTY-NOTICES.md). bin/samlint.mjs runs it; the VS Code extension ships the same bundle
// (packages/vscode-ext/build.mjs). The CLI is bundled from its tsc output, the code the tests run.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// fileURLToPath, not .pathname: a checkout under a folder with a space or non-ASCII name stays readable.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

export const BUNDLE_DIR = here('bundle');

/** What both bundles (this one and the extension's client) are built with. */
export const COMMON_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  // Licences go to one notices file, not to comments in the bundles.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

const VERSION = JSON.parse(readFileSync(here('package.json'), 'utf8')).version;

/** What the CLI's bundles (the npm package's and the GitHub Action's) share beyond COMMON_OPTIONS. */
const CLI_OPTIONS = {
  ...COMMON_OPTIONS,
  // The metafile's paths are relative to this, wherever the build is run from.
  absWorkingDir: here('.'),
  format: 'esm',
  // jsonc-parser's `main` is a UMD build whose require()s esbuild cannot follow; its `module` is plain ESM.
  mainFields: ['module', 'main'],
  // The CommonJS libraries inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as samlintRequire } from 'node:module'; const require = samlintRequire(import.meta.url);" },
};

/** Compiles core and the CLI, bundles the CLI into bundle/ and returns esbuild's metafile. */
export async function buildCli() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', here('../core'), here('.')], { stdio: 'inherit' });
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const { metafile } = await build({
    ...CLI_OPTIONS,
    entryPoints: { samlint: here('dist/bin.js') },
    outdir: BUNDLE_DIR,
    // Each dynamic import() becomes a chunk of its own, read only by the commands that need it: parsing
    // the whole 1.4 MB on every start would cost more than Node's own start-up.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    // Beside the entry, not in a folder: the rule pages' place is defined relative to whichever chunk reads them.
    chunkNames: 'samlint-[hash]',
    // The CLI finds its version and its rule pages relative to its place in the repository; the bundle
    // is told them (src/import-meta.d.ts).
    define: {
      'import.meta.samlintVersion': JSON.stringify(VERSION),
      'import.meta.samlintRulePages': JSON.stringify('./rules/'),
    },
  });
  cpSync(here('../../docs/rules'), join(BUNDLE_DIR, 'rules'), { recursive: true, filter: (src) => !src.endsWith('README.md') });
  writeFileSync(join(BUNDLE_DIR, 'THIRD-PARTY-NOTICES.md'), notices([{ metafile, dir: here('.') }], 'samlint'));
  return metafile;
}

/** The GitHub Action's entry (action.yml's `runs.main`), committed: a runner runs it from the checkout, unbuilt. */
export const ACTION_DIR = here('action');

/**
 * The GitHub Action's bundle from the CLI's tsc output (run buildCli first): one file, index.mjs, with
 * everything `check` needs inside and no chunks, and the licences of what it contains (decision 0010).
 * Returns the files' texts by name; `write` puts them in ACTION_DIR, where they are committed. A test
 * builds them again and fails when the committed ones differ.
 */
export async function buildAction({ write }) {
  const { outputFiles, metafile } = await build({
    ...CLI_OPTIONS,
    entryPoints: [here('dist/action-bin.js')],
    outfile: join(ACTION_DIR, 'index.mjs'),
    write: false,
    // The rule pages SARIF's help quotes are the checkout's own docs/rules/.
    define: {
      'import.meta.samlintVersion': JSON.stringify(VERSION),
      'import.meta.samlintRulePages': JSON.stringify('../../../docs/rules/'),
    },
  });
  const files = { 'index.mjs': outputFiles[0].text, 'THIRD-PARTY-NOTICES.md': notices([{ metafile, dir: here('.') }], 'the samlint GitHub Action') };
  if (write) for (const [name, text] of Object.entries(files)) writeFileSync(join(ACTION_DIR, name), text);
  return files;
}

/**
 * Every package whose code is in a bundle, with its licence text, as its licence asks of a copy.
 * `builds` pairs each metafile with the directory its paths are relative to.
 */
export function notices(builds, what) {
  const packages = new Map();
  for (const { metafile, dir: base } of builds) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (!match) continue;
      const dir = join(base, match[1]);
      const { name, version, license, author } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
      // A few packages publish no licence text: their package.json's word is all there is to pass on.
      const by = typeof author === 'string' ? author : author?.name;
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${license}${by ? `, by ${by}` : ''} (the package ships no licence text)`;
      packages.set(`${name}@${version}`, { license, text });
    }
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([id, { license, text }]) => `## ${id} (${license})\n\n\`\`\`\n${text}\n\`\`\`\n`);
  // The core's schema tables are compiled from the SAML, XML Signature and XML Encryption schemas (decision 0007).
  const schemas = here('../core/schemas/saml');
  const schemaSections = readdirSync(schemas)
    .filter((entry) => entry.startsWith('debian-copyright-'))
    .sort()
    .map((entry) => `## SAML schemas: ${entry}\n\n\`\`\`\n${readFileSync(join(schemas, entry), 'utf8').trim()}\n\`\`\`\n`);
  return `# Third-party notices\n\nThe bundles in ${what} contain these packages, and tables compiled from these schemas.\n\n${[...sections, ...schemaSections].join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
  // `--action` (pnpm build:action): also rewrite the committed action bundle.
  if (process.argv.includes('--action')) await buildAction({ write: true });
}
