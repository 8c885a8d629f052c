import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { requireTool } from '../../core/test/support/tool.js';
import { ROOT } from './memory-io.js';
import { CLEAN_VECTOR, writeVectorTree } from './vector-workspace.js';

// samlint's pre-commit hook (.pre-commit-hooks.yaml) in the real pre-commit, on git repositories of
// captures with a samlint.config.json: a commit of a failing capture fails with samlint's findings, a
// clean one passes. pre-commit installs a node hook with npm, on the Node of the PATH (no download):
// here npm installs the packed tarball of packages/cli offline from an empty cache, or the hook's own
// `@samlint/cli@<version>` from a stand-in for the registry on 127.0.0.1 that serves that tarball.

const CLI = fileURLToPath(new URL('../', import.meta.url));
const FAILING = 'aws/role-session-name-display-name.xml';
const CLI_MANIFEST = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8'));

interface Hook {
  id: string;
  additional_dependencies?: string[];
  [key: string]: unknown;
}

const HOOK = (parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[])[0] as Hook;

let dir: string;
let tarball: string;

interface Run {
  status: number | null;
  output: string;
}

/**
 * The environment of one scenario, under dir/<name>: nothing from this machine's npm, git or pre-commit
 * set-up (its own home, pre-commit and npm caches), and the npm settings it is about.
 */
function scenario(name: string, npm: Record<string, string> = {}): NodeJS.ProcessEnv {
  mkdirSync(join(dir, name, 'home'), { recursive: true });
  return {
    PATH: process.env.PATH,
    HOME: join(dir, name, 'home'),
    PRE_COMMIT_HOME: join(dir, name, 'pre-commit-cache'),
    npm_config_cache: join(dir, name, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'samlint test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'samlint test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    NO_COLOR: '1',
    ...npm,
  };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * A git repository under `name` with the config and its context committed, then `hook` (a local hook)
 * installed; a failing capture is committed through it, then the same file fixed. Returns both commits.
 */
async function commitThroughHook(name: string, hook: Hook, npm: Record<string, string>): Promise<{ failed: Run; passed: Run; commits: string }> {
  const env = scenario(name, npm);
  const repo = join(dir, name, 'repo');
  mkdirSync(repo, { recursive: true });
  const git = (...args: string[]) => run('git', args, repo, env);
  expect((await git('init', '-q')).status).toBe(0);
  // The Node on the PATH, as pre-commit picks when it finds one outside the home directory: never a download.
  writeFileSync(join(repo, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks: [{ ...hook, language_version: 'system' }] }] }));
  // The context and config first, before the hook is installed: only captures are committed under it.
  writeVectorTree(repo, [], { config: true });
  await git('add', '.');
  expect((await git('commit', '-q', '-m', 'samlint config')).status).toBe(0);
  const installed = await run('pre-commit', ['install'], repo, env);
  expect(installed.status, installed.output).toBe(0);

  writeVectorTree(repo, [FAILING], { config: false });
  await git('add', 'captures');
  const failed = await git('commit', '-m', 'a failing capture');
  // The export fixed: the IdP now sends the clean login.
  copyFileSync(join(ROOT, 'test-vectors', CLEAN_VECTOR), join(repo, 'captures', FAILING));
  await git('add', 'captures');
  const passed = await git('commit', '-m', 'the fixed capture');
  return { failed, passed, commits: (await git('rev-list', '--count', 'HEAD')).output.trim() };
}

function expectFindings({ failed, passed, commits }: Awaited<ReturnType<typeof commitThroughHook>>): void {
  expect(failed.status, failed.output).not.toBe(0);
  expect(failed.output).toMatch(/samlint\.+Failed/);
  expect(failed.output).toContain(`captures/${FAILING}`);
  // With the config's user list: the display name is both no RoleSessionName and no Connect user.
  expect(failed.output).toMatch(/error +RoleSessionName `Jane Doe` contains a space.*AWS007 role-session-name-invalid/);
  expect(failed.output).toMatch(/error +no Connect user `Jane Doe` among 3 users +CX003 user-not-found/);
  expect(passed.status, passed.output).toBe(0);
  expect(passed.output).toMatch(/samlint\.+Passed/);
  // The config's commit and the fixed capture's; not the failing one.
  expect(commits).toBe('2');
}

/** What a registry answers for @samlint/cli: one version, the tarball, with npm's integrity. */
function serveRegistry(): Promise<{ server: Server; url: string; served: string[] }> {
  const bytes = readFileSync(tarball);
  const served: string[] = [];
  const server = createServer((request, response) => {
    served.push(request.url ?? '');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/@samlint%2fcli' || request.url === '/@samlint/cli') {
      const { version } = CLI_MANIFEST;
      const dist = {
        tarball: `${base}/@samlint/cli/-/cli-${version}.tgz`,
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
      };
      const packument = { name: CLI_MANIFEST.name, 'dist-tags': { latest: version }, versions: { [version]: { ...CLI_MANIFEST, _id: `${CLI_MANIFEST.name}@${version}`, dist } } };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
    } else if (request.url?.endsWith('.tgz')) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, served })));
}

describe('the pre-commit hook', { timeout: 300_000 }, () => {
  if (!requireTool('pre-commit', ['--version'], 'pre-commit')) return;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samlint-pre-commit-'));
    const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: CLI, encoding: 'utf8' }));
    tarball = join(dir, filename);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has a manifest and documented configs pre-commit accepts', async () => {
    const env = scenario('validate');
    const manifest = await run('pre-commit', ['validate-manifest', join(ROOT, '.pre-commit-hooks.yaml')], dir, env);
    expect(manifest.status, manifest.output).toBe(0);
    const configs = [...readFileSync(join(ROOT, 'docs/ci.md'), 'utf8').matchAll(/```yaml\n(repos:[\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(configs.length).toBeGreaterThanOrEqual(4);
    for (const [i, config] of configs.entries()) {
      const file = join(dir, `docs-config-${i}.yaml`);
      writeFileSync(file, config);
      const checked = await run('pre-commit', ['validate-config', file], dir, env);
      expect(checked.status, `${config}\n${checked.output}`).toBe(0);
    }
  });

  it('installed from the packed tarball, offline: fails a commit of a failing capture with its findings, passes the fixed one', async () => {
    const hook = { ...HOOK, additional_dependencies: [tarball] };
    expectFindings(await commitThroughHook('tarball', hook, { npm_config_offline: 'true' }));
  });

  it('installed as published, its `@samlint/cli@<version>` from a registry: the same', async () => {
    expect(HOOK.additional_dependencies).toEqual([`${CLI_MANIFEST.name}@${CLI_MANIFEST.version}`]);
    const { server, url, served } = await serveRegistry();
    try {
      expectFindings(await commitThroughHook('registry', HOOK, { npm_config_registry: url }));
      expect(served).toContain(`/@samlint/cli/-/cli-${CLI_MANIFEST.version}.tgz`);
    } finally {
      server.close();
    }
  });
});
