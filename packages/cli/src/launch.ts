// The entry of the bundled CLI (bundle/samlint.cjs, built by build.mjs; bin/samlint.cjs and the VS Code
// extension run it). The command itself is one CommonJS file beside it, which this loads with a V8 code
// cache in the OS cache directory: a run after the first reads the compiled code instead of parsing
// 1.5 MB again (decision 0011). Node ≥ 22.1 keeps that cache itself (module.enableCompileCache); on
// older Nodes this keeps it. Each command has a cache of its own. `--version` alone loads nothing.
import module, { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { COMMAND_NAMES } from './commands/names.js';

/** Node ≥ 22.1's own compile cache; the @types/node of Node 20, which samlint supports, does not know it. */
const { enableCompileCache } = module as typeof module & { enableCompileCache?: (directory: string) => unknown };

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** Where the OS keeps caches: ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows, $XDG_CACHE_HOME or ~/.cache elsewhere. */
function cacheDirectory(): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'samlint');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'samlint', 'Cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'samlint');
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Whose cache a run reads and writes: its command's, or `other` (help, a mistyped command). A cache
 * holds the functions compiled by the run that wrote it, so one shared by all would serve every
 * command at the speed of whichever ran first: `check` took 1.6× `node -e 0` with the cache a `check`
 * wrote and 2.7× with one written by a run that linted nothing.
 */
function cacheKind(args: readonly string[]): string {
  return args.find((arg) => (COMMAND_NAMES as readonly string[]).includes(arg)) ?? 'other';
}

/**
 * Keeps what V8 compiled during this run for the next. A cache that cannot be written (a read-only home,
 * a full disk) only costs the next run its speed. Caches of other builds of the command, or of other
 * Nodes, are removed; those of its other commands are kept.
 */
function saveCodeCache(script: Script, cacheFile: string, build: string): void {
  try {
    const dir = dirname(cacheFile);
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a run starting meanwhile reads the old cache or the new, never half of one.
    const partial = `${cacheFile}.${process.pid}.partial`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
    for (const entry of readdirSync(dir)) if (entry.startsWith('samlint-') && !entry.startsWith(build)) rmSync(join(dir, entry), { force: true });
  } catch {
    // No cache: see above.
  }
}

/** Runs the command's CommonJS file as Node's loader would, with the code V8 compiled for it last time. */
function runWithCodeCache(file: string, cacheDir: string, kind: string): void {
  // The file's name carries a hash of its content (build.mjs), and so does the cache's: V8 itself checks
  // only the source's length, and would run the code of another build of the same length.
  const build = `${basename(file, '.cjs')}-${process.version}-${process.arch}-`;
  const cacheFile = join(cacheDir, `${build}${kind}.bin`);
  const cachedData = readIfPresent(cacheFile);
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const commandModule = { exports: {} };
  (script.runInThisContext() as CommonJsWrapper)(commandModule.exports, createRequire(file), commandModule, file, dirname(file));
  // After the command has run, so that the cache holds the functions it compiled on the way, not only the top level.
  if (!cachedData || script.cachedDataRejected) process.once('beforeExit', () => saveCodeCache(script, cacheFile, build));
}

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  process.stdout.write(`${import.meta.samlintVersion}\n`);
} else {
  const command = join(dirname(fileURLToPath(import.meta.url)), import.meta.samlintCommand ?? '');
  const cacheDir = join(cacheDirectory(), 'code-cache');
  const kind = cacheKind(args);
  // It reports a directory it cannot use in its return value; it does not throw.
  if (enableCompileCache) {
    enableCompileCache(join(cacheDir, kind));
    createRequire(import.meta.url)(command);
  } else {
    runWithCodeCache(command, cacheDir, kind);
  }
}
