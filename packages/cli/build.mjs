// Builds the samlint CLI into bundle/: the command, one CommonJS file with every runtime dependency inside
// (samlint-<hash>.cjs), the small entry that loads it with a code cache (samlint.cjs, from
// src/launch.ts), the rule pages `explain` shows (rules/) and the licences of what it contains
// (THIRD-PARTY-NOTICES.md). bin/samlint.cjs runs it; the VS Code extension ships the same bundle
// (packages/vscode-ext/build.mjs). The CLI is bundled from its tsc output, the code the tests run.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/**
 * Imports at the top of core modules that only some inputs need: a saved HTML page (parse5, and entities'
 * decoder, which builds a table of 2,000 names when it loads), decryption (node-forge) and Terraform
 * source (codemirror-lang-hcl, with the CodeMirror modules its grammar loads). In the bundle
 * each becomes a require() made on first use, so a run that needs none of them never loads them; the
 * core itself stays synchronous and unchanged (decision 0011). The build fails when a line is not found.
 */
const LAZY_IMPORTS = {
  'capture/html-form.js': {
    "import { decodeHTMLAttribute } from 'entities/decode';": "const decodeHTMLAttribute = (text) => require('entities/decode').decodeHTMLAttribute(text);",
    "import { parse } from 'parse5';": "const parse = (text, options) => require('parse5').parse(text, options);",
  },
  'saml/decryption-crypto.js': {
    "import forge from 'node-forge';": "const forge = new Proxy({}, { get: (_, key) => require('node-forge')[key] });",
  },
  'idp-config/terraform-source.js': {
    "import { hclLanguage } from 'codemirror-lang-hcl';": "const hclLanguage = new Proxy({}, { get: (_, key) => require('codemirror-lang-hcl').hclLanguage[key] });",
  },
};

const lazyImports = {
  name: 'lazy-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]dist[\\/](capture[\\/]html-form|saml[\\/]decryption-crypto|idp-config[\\/]terraform-source)\.js$/ }, ({ path }) => {
      const [module, lines] = Object.entries(LAZY_IMPORTS).find(([file]) => path.replaceAll('\\', '/').endsWith(`/core/dist/${file}`));
      let contents = readFileSync(path, 'utf8');
      for (const [line, lazy] of Object.entries(lines)) {
        if (!contents.includes(line)) throw new Error(`lazy-imports: ${module} no longer has \`${line}\``);
        contents = contents.replace(line, lazy);
      }
      return { contents, loader: 'js' };
    });
  },
};

const VERSION = JSON.parse(readFileSync(here('package.json'), 'utf8')).version;

/** What the CLI's bundles (the npm package's command and the GitHub Action's) share beyond COMMON_OPTIONS. */
const CLI_OPTIONS = {
  ...COMMON_OPTIONS,
  // The metafile's paths are relative to this, wherever the build is run from.
  absWorkingDir: here('.'),
  // jsonc-parser's `main` is a UMD build whose require()s esbuild cannot follow; its `module` is plain ESM.
  mainFields: ['module', 'main'],
  plugins: [lazyImports],
};

/** Compiles core and the CLI, bundles the CLI into bundle/ and returns esbuild's metafile of the command. */
export async function buildCli() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', here('../core'), here('.')], { stdio: 'inherit' });
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  // The command: one CommonJS file, which launch.ts loads with V8's code cache (decision 0011). Each
  // dynamic import() in it still runs its module (the LSP for `server`, the formats, Ajv…) only when a
  // command needs it; with the cache, what a command never runs costs it little more than a read.
  const { metafile } = await build({
    ...CLI_OPTIONS,
    entryPoints: { samlint: here('dist/bin.js') },
    outdir: BUNDLE_DIR,
    // The hash of its content names the file, and so its code cache: a new build never runs an old one's code.
    entryNames: '[name]-[hash]',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // The CLI finds its version and its rule pages relative to its place in the repository; the bundle
    // is told them (src/import-meta.d.ts), and where it is.
    define: {
      'import.meta.samlintVersion': JSON.stringify(VERSION),
      'import.meta.samlintRulePages': JSON.stringify('./rules/'),
      'import.meta.url': 'samlintModuleUrl',
    },
    banner: { js: "var samlintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const command = Object.keys(metafile.outputs).find((file) => file.endsWith('.cjs'));
  await build({
    ...COMMON_OPTIONS,
    absWorkingDir: here('.'),
    entryPoints: { samlint: here('dist/launch.js') },
    outdir: BUNDLE_DIR,
    // CommonJS: Node builds an ES module's view of each built-in it imports, and node:fs's loads its streams.
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: {
      'import.meta.samlintVersion': JSON.stringify(VERSION),
      'import.meta.samlintCommand': JSON.stringify(basename(command)),
      'import.meta.url': 'samlintModuleUrl',
    },
    banner: { js: "var samlintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
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
    format: 'esm',
    // The CommonJS libraries inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as samlintRequire } from 'node:module'; const require = samlintRequire(import.meta.url);" },
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
