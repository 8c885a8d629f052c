// Builds the extension into dist/: the client (extension.cjs) and, as its server, the samlint CLI's own
// bundle (packages/cli/build.mjs: samlint.cjs and the command it loads, run as `samlint.cjs server --stdio`, with
// the rule pages it explains in rules/), and the licences of what the bundles contain
// (THIRD-PARTY-NOTICES.md).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_DIR, COMMON_OPTIONS, buildCli, notices } from '../cli/build.mjs';

// fileURLToPath, not .pathname: a checkout under a folder with a space or non-ASCII name stays readable.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [here('scripts/settings.mjs'), '--check'], { stdio: 'inherit' });
const cli = await buildCli();
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', here('.')], { stdio: 'inherit' });
rmSync(here('dist'), { recursive: true, force: true });

const client = await build({
  ...COMMON_OPTIONS,
  // The metafile's paths are relative to this, wherever the build is run from.
  absWorkingDir: here('.'),
  entryPoints: [here('src/extension.ts')],
  outfile: here('dist/extension.cjs'),
  format: 'cjs',
  external: ['vscode'],
});
cpSync(BUNDLE_DIR, here('dist'), { recursive: true });
writeFileSync(
  here('dist/THIRD-PARTY-NOTICES.md'),
  notices(
    [
      { metafile: client.metafile, dir: here('.') },
      { metafile: cli, dir: here('../cli') },
    ],
    'this extension',
  ),
);
