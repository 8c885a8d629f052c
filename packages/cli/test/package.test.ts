import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST } from '../../../test-vectors/manifest.js';
import { main } from '../src/main.js';
import { LspClient } from './lsp-client.js';
import { ROOT, memoryIo } from './memory-io.js';
import { vectorArgs } from './vector-args.js';

// The npm package as a user gets it: `npm pack` of packages/cli (after the build `pnpm test` runs
// first), installed from the tarball into an empty global prefix with no registry, then run from the
// installed bin far from the workspace's node_modules.
const CLI = fileURLToPath(new URL('../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8'));
let dir: string;
let packed: { filename: string; size: number; files: Array<{ path: string }> };
let bin: string;
let client: LspClient | undefined;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function installed(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // Its compile cache (Node ≥ 22.1) goes to the test's folder, not the user's.
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, XDG_CACHE_HOME: join(dir, 'cache') };
    const child = spawn(bin, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The workspace's CLI, from its sources, in this process. */
async function workspace(args: string[]): Promise<Run> {
  const { io, captured } = memoryIo();
  const status = await main(args, io);
  return { status, stdout: captured.stdout, stderr: captured.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samlint-package-'));
  [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: CLI, encoding: 'utf8' }));
  const prefix = join(dir, 'prefix');
  execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(dir, packed.filename)], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
  bin = join(prefix, 'bin', 'samlint');
}, 180_000);

afterAll(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the npm package @samlint/cli', () => {
  it('holds the command, its bundle, the rule pages, the licence and the notices, and depends on nothing', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'bin/samlint.cjs', 'bundle/samlint.cjs', 'bundle/THIRD-PARTY-NOTICES.md', 'bundle/rules/CX003.md']),
    );
    expect(files.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ samlint: './bin/samlint.cjs' });
    expect(readFileSync(join(CLI, 'bundle/THIRD-PARTY-NOTICES.md'), 'utf8')).toMatch(/^## yargs@[\d.]+ \(MIT\)$/m);
  });

  it('runs --version, rules, explain, decode and why from the installed bin as the workspace does', async () => {
    const commands = [
      ['--version'],
      ['rules', '--format', 'json'],
      ['explain', 'user-not-found'],
      ['decode', 'test-vectors/samples/agent-access-denied.txt', '--redact'],
      ['why', 'Access denied', 'test-vectors/samples/agent-access-denied.txt', '--users', 'test-vectors/users/connect-users.csv'],
      ['check', 'test-vectors/samples/browser-export.har', '--users', 'test-vectors/users/connect-users.csv'],
    ];
    for (const args of commands) {
      const [got, expected] = await Promise.all([installed(args), workspace(args)]);
      expect(got, args.join(' ')).toEqual(expected);
    }
  }, 120_000);

  it('prints the same `check --format json` as the workspace on every vector', { timeout: 600_000 }, async () => {
    const differing: string[] = [];
    // Two at a time: a long run of spawnSync would starve vitest's worker of its event loop.
    for (let i = 0; i < MANIFEST.length; i += 2) {
      await Promise.all(
        MANIFEST.slice(i, i + 2).map(async (vector) => {
          const args = ['check', ...vectorArgs(vector), '--format', 'json'];
          const [got, expected] = await Promise.all([installed(args), workspace(args)]);
          if (JSON.stringify(got) !== JSON.stringify(expected)) differing.push(vector.file);
        }),
      );
    }
    expect(differing).toEqual([]);
  });

  it('answers an LSP initialize as `server --stdio`', async () => {
    client = new LspClient(dir, undefined, { bin });
    const { serverInfo } = await client.initialize();
    expect(serverInfo).toEqual({ name: 'samlint', version: manifest.version });
  }, 30_000);
});
