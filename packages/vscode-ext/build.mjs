// Builds the extension into dist/: the client (extension.cjs) and, as its server, the samlint CLI
// itself bundled into one file (samlint.mjs, run as `samlint.mjs server --stdio`) with the rule
// pages it explains (rules/). The CLI is bundled from its tsc output, the code the tests run.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const here = (path) => new URL(path, import.meta.url).pathname;
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [here('scripts/settings.mjs'), '--check'], { stdio: 'inherit' });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', here('../core'), here('../cli')], { stdio: 'inherit' });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', here('.')], { stdio: 'inherit' });
rmSync(here('dist'), { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: false, legalComments: 'external', logLevel: 'warning' };

await build({ ...common, entryPoints: [here('src/extension.ts')], outfile: here('dist/extension.cjs'), format: 'cjs', external: ['vscode'] });

/**
 * Three CLI modules find files relative to their place in the repository; in the bundle those
 * places are the bundle's. Each replacement must still match, or the build fails rather than ship a
 * server that cannot explain a rule or read a config.
 */
const CLI_FOR_BUNDLE = {
  'version.js': [
    // The CLI's own version, not the extension's package.json beside the bundle.
    /JSON\.parse\(readFileSync\(new URL\('\.\.\/package\.json', import\.meta\.url\), 'utf8'\)\)\.version/,
    JSON.stringify(JSON.parse(readFileSync(here('../cli/package.json'), 'utf8')).version),
  ],
  'docs.js': [/new URL\('\.\.\/\.\.\/\.\.\/docs\/rules\/', import\.meta\.url\)/, "new URL('./rules/', import.meta.url)"],
  // A plain require, which esbuild follows into the bundle (Ajv stays loaded only when a config is read).
  'config.js': [/createRequire\(import\.meta\.url\)\('ajv\/dist\/2020\.js'\)/, "require('ajv/dist/2020.js')"],
};
const cliForBundle = {
  name: 'cli-for-bundle',
  setup(bundler) {
    const cliDist = here('../cli/dist/');
    bundler.onLoad({ filter: /[\\/]cli[\\/]dist[\\/](version|docs|config)\.js$/ }, ({ path }) => {
      const [pattern, replacement] = CLI_FOR_BUNDLE[path.slice(cliDist.length)];
      const source = readFileSync(path, 'utf8');
      if (!pattern.test(source)) throw new Error(`${path} no longer matches ${pattern}: update build.mjs`);
      return { contents: source.replace(pattern, replacement), loader: 'js', resolveDir: cliDist };
    });
  },
};

await build({
  ...common,
  entryPoints: [here('../cli/dist/bin.js')],
  outfile: here('dist/samlint.mjs'),
  format: 'esm',
  // jsonc-parser's `main` is a UMD build whose require()s esbuild cannot follow; its `module` is plain ESM.
  mainFields: ['module', 'main'],
  plugins: [cliForBundle],
  // The CommonJS libraries inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as samlintRequire } from 'node:module'; const require = samlintRequire(import.meta.url);" },
});
cpSync(here('../../docs/rules'), here('dist/rules'), { recursive: true, filter: (src) => !src.endsWith('README.md') });
