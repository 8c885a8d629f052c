import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MANIFEST, type VectorEntry } from '../../../test-vectors/manifest.js';
import { COMMAND_NAMES } from '../src/commands/names.js';
import { vectorArgs } from './vector-args.js';

// `pnpm test` builds before it runs vitest, so the real bin (the bundle, packages/cli/build.mjs) is there.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/samlint.cjs', import.meta.url));
const DENY_NETWORK = fileURLToPath(new URL('./fixtures/deny-network.mjs', import.meta.url));
// The code cache the bin keeps (decision 0011) goes to a folder of the tests', not the user's.
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'samlint-bin-cache-'));
function samlint(args: string[], input?: string, nodeArgs: string[] = [], cacheHome = CACHE_HOME) {
  return spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, XDG_CACHE_HOME: cacheHome },
  });
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function samlintAsync(args: string[], nodeArgs: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, XDG_CACHE_HOME: CACHE_HOME },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the samlint binary', () => {
  it('sets the exit code main() returns', () => {
    expect(samlint(['check', 'test-vectors/capture/truncated.b64']).status).toBe(1);
    expect(samlint(['check', 'test-vectors/capture/truncated.b64', '--exit-zero']).status).toBe(0);
    expect(samlint(['check', 'missing.b64']).status).toBe(2);
  });

  it('reads stdin and prints JSON without colour', () => {
    const capture = readFileSync(`${ROOT}test-vectors/clean/clean-form-body.txt`, 'utf8');
    const run = samlint(['check', '-', '--format', 'json', '--now', '2026-11-27T09:00:30Z'], capture);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).files[0].detected).toBe('form body with SAMLResponse and RelayState');
  });

  // Five processes in a row: under a busy machine that is more than vitest's default 5 s.
  it('never crashes with a stack trace on garbage', { timeout: 60_000 }, () => {
    for (const garbage of ['', '\u0000\u0001\u0002', '<<<<', 'SAMLResponse=%%%', '{"log":{"entries":[]}}']) {
      const run = samlint(['check', '-'], garbage);
      expect([0, 1]).toContain(run.status);
      expect(run.stderr).toBe('');
    }
  });

  it('opens no network connection on any vector, run with its whole context', { timeout: 300_000 }, async () => {
    // Asynchronous and two at a time: a long run of spawnSync would starve vitest's worker of its event loop.
    const runs = MANIFEST.map((vector) => () =>
      samlintAsync(['check', ...vectorArgs(vector), '--format', 'json'], ['--import', DENY_NETWORK]).then((run) => ({ vector, run })),
    );
    const results: Array<{ vector: VectorEntry; run: Run }> = [];
    for (let i = 0; i < runs.length; i += 2) results.push(...(await Promise.all(runs.slice(i, i + 2).map((start) => start()))));
    for (const { vector, run } of results) {
      expect(run.stderr, vector.file).not.toContain('NETWORK-ATTEMPT');
      expect([0, 1], vector.file).toContain(run.status);
      // The rules that need the context ran: the run found what the vector expects.
      const codes = new Set<string>(JSON.parse(run.stdout).files.flatMap((file: { findings: Array<{ code: string }> }) => file.findings.map((f) => f.code)));
      expect([...codes].sort(), vector.file).toEqual([...vector.expect].sort());
    }
    // The guard itself works: a process that does connect is caught.
    const probe = spawnSync(process.execPath, ['--import', DENY_NETWORK, '-e', "require('node:net').connect(9, '127.0.0.1')"], {
      encoding: 'utf8',
    });
    expect(probe.stderr).toContain('NETWORK-ATTEMPT net.Socket.connect');
  });
});

// Node ≥ 22.1 keeps its own compile cache (module.enableCompileCache); older Nodes get samlint's code cache.
const NODE_KEEPS_CACHE = 'enableCompileCache' in module;

describe.skipIf(NODE_KEEPS_CACHE)('the code cache of the bundle (decision 0011)', () => {
  const CHECK = ['check', 'test-vectors/bench/bench-typical.b64', '--cert', 'test-vectors/keys/idp.crt', '--now', '2026-11-27T09:00:30Z', '--format', 'json'];
  const cacheFiles = (home: string) => readdirSync(join(home, 'samlint', 'code-cache')).filter((name) => name.endsWith('.bin'));

  it('is written by the first run and read by the next, which gives the same result', { timeout: 60_000 }, () => {
    const home = mkdtempSync(join(tmpdir(), 'samlint-cache-'));
    const first = samlint(CHECK, undefined, [], home);
    const [cache] = cacheFiles(home);
    // Named by the command file's content hash, the Node version and the architecture (no other build's
    // code runs), and by the command.
    expect(cache).toMatch(new RegExp(`^samlint-[A-Z0-9]+-${process.version.replace(/\./g, '\\.')}-${process.arch}-check\\.bin$`));
    const cached = readFileSync(join(home, 'samlint', 'code-cache', cache as string));
    const second = samlint(CHECK, undefined, [], home);
    expect({ status: second.status, stdout: second.stdout, stderr: second.stderr }).toEqual({ status: first.status, stdout: first.stdout, stderr: first.stderr });
    expect(JSON.parse(second.stdout).files[0].findings).toEqual([]);
    // An accepted cache is left as it is.
    expect(readFileSync(join(home, 'samlint', 'code-cache', cache as string)).equals(cached)).toBe(true);
  });

  it('is kept per command, so that a command that lints never runs with the cache of one that did not', { timeout: 60_000 }, () => {
    const home = mkdtempSync(join(tmpdir(), 'samlint-cache-'));
    samlint(['rules'], undefined, [], home);
    samlint(['--help'], undefined, [], home);
    const [rules, other] = cacheFiles(home).sort();
    expect([rules, other].map((name) => name?.replace(/^samlint-[A-Z0-9]+-[^-]+-[^-]+-/, ''))).toEqual(['other.bin', 'rules.bin']);
    const check = samlint(CHECK, undefined, [], home);
    expect(check.status).toBe(0);
    const written = cacheFiles(home);
    expect(written).toHaveLength(3);
    const checkCache = written.find((name) => name.endsWith('-check.bin')) as string;
    // More code than the cache of a run that linted nothing: what check compiled on the way.
    const size = (name: string) => readFileSync(join(home, 'samlint', 'code-cache', name)).length;
    expect(size(checkCache)).toBeGreaterThan(size(rules as string));
  });

  it('names every command main.ts registers', () => {
    const help = samlint(['--help']).stdout;
    const registered = [...help.matchAll(/^ {2}samlint (\w+)/gm)].map((match) => match[1]);
    expect(registered.sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('is replaced when V8 rejects it, and the run is unaffected', { timeout: 60_000 }, () => {
    const home = mkdtempSync(join(tmpdir(), 'samlint-cache-'));
    const expected = samlint(CHECK, undefined, [], home);
    const [cache] = cacheFiles(home);
    const path = join(home, 'samlint', 'code-cache', cache as string);
    writeFileSync(path, 'not a code cache');
    const run = samlint(CHECK, undefined, [], home);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.status).toBe(expected.status);
    expect(readFileSync(path).length).toBeGreaterThan(1000);
    expect(cacheFiles(home)).toEqual([cache]);
  });

  it('is no error when it cannot be written', { timeout: 60_000 }, () => {
    const home = mkdtempSync(join(tmpdir(), 'samlint-cache-'));
    // The cache's folder would be below a file.
    const blocked = join(home, 'not-a-folder');
    writeFileSync(blocked, '');
    const run = samlint(CHECK, undefined, [], blocked);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files[0].findings).toEqual([]);
  });
});
