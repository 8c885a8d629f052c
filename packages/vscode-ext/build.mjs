// Builds the extension into dist/: the client (extension.cjs) and, as its server, the samlint CLI
// itself bundled into one file (samlint.mjs, run as `samlint.mjs server --stdio`) with the rule
// pages it explains (rules/) and the licences of what the bundles contain (THIRD-PARTY-NOTICES.md).
// The CLI is bundled from its tsc output, the code the tests run.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// fileURLToPath, not .pathname: a checkout under a folder with a space or non-ASCII name stays readable.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [here('scripts/settings.mjs'), '--check'], { stdio: 'inherit' });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', here('../core'), here('../cli')], { stdio: 'inherit' });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', here('.')], { stdio: 'inherit' });
rmSync(here('dist'), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  // Licences go to one notices file (below), not to comments in the bundles.
  legalComments: 'none',
  metafile: true,
  // The metafile's paths are relative to this, wherever the build is run from.
  absWorkingDir: here('.'),
  logLevel: 'warning',
};

const client = await build({ ...common, entryPoints: [here('src/extension.ts')], outfile: here('dist/extension.cjs'), format: 'cjs', external: ['vscode'] });

/**
 * The CLI finds its version and its rule pages relative to its place in the repository; the bundle
 * defines them as it carries them (packages/cli/src/import-meta.d.ts). Ajv, which the CLI loads only
 * when a config is read, is bundled through the CLI's own `require` call.
 */
const cliForBundle = {
  'import.meta.samlintVersion': JSON.stringify(JSON.parse(readFileSync(here('../cli/package.json'), 'utf8')).version),
  'import.meta.samlintRulePages': JSON.stringify('./rules/'),
};

const server = await build({
  ...common,
  entryPoints: [here('../cli/dist/bin.js')],
  outfile: here('dist/samlint.mjs'),
  format: 'esm',
  // jsonc-parser's `main` is a UMD build whose require()s esbuild cannot follow; its `module` is plain ESM.
  mainFields: ['module', 'main'],
  define: cliForBundle,
  // The CommonJS libraries inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as samlintRequire } from 'node:module'; const require = samlintRequire(import.meta.url);" },
});
cpSync(here('../../docs/rules'), here('dist/rules'), { recursive: true, filter: (src) => !src.endsWith('README.md') });
writeFileSync(here('dist/THIRD-PARTY-NOTICES.md'), notices([client.metafile, server.metafile]));

/** Every package whose code is in a bundle, with its licence text, as its licence asks of a copy. */
function notices(metafiles) {
  const packages = new Map();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = join(here('.'), match[1]);
    const { name, version, license, author } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
    // A few packages publish no licence text: their package.json's word is all there is to pass on.
    const by = typeof author === 'string' ? author : author?.name;
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${license}${by ? `, by ${by}` : ''} (the package ships no licence text)`;
    packages.set(`${name}@${version}`, { license, text });
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([id, { license, text }]) => `## ${id} (${license})\n\n\`\`\`\n${text}\n\`\`\`\n`);
  // The core's schema tables are compiled from the SAML, XML Signature and XML Encryption schemas (decision 0007).
  const schemas = here('../core/schemas/saml');
  const schemaSections = readdirSync(schemas)
    .filter((entry) => entry.startsWith('debian-copyright-'))
    .sort()
    .map((entry) => `## SAML schemas: ${entry}\n\n\`\`\`\n${readFileSync(join(schemas, entry), 'utf8').trim()}\n\`\`\`\n`);
  return `# Third-party notices\n\nThe bundles in this extension contain these packages, and tables compiled from these schemas.\n\n${[...sections, ...schemaSections].join('\n')}`;
}
