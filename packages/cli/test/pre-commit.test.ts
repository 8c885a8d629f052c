import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { requireTool } from '../../core/test/support/tool.js';
import { ROOT } from './memory-io.js';
import { CLEAN_VECTOR, writeVectorTree } from './vector-workspace.js';

// samlint's pre-commit hook (.pre-commit-hooks.yaml) in the real pre-commit, on a git repository of
// captures with a samlint.config.json: a commit of a failing capture fails with samlint's findings, a
// clean one passes. pre-commit installs a node hook with npm; here npm installs the packed tarball of
// packages/cli, offline, from an empty cache: no registry, no download of Node (the hook uses the Node
// on the PATH). The hook as published names `@samlint/cli@<version>` instead, from the registry.

const CLI = fileURLToPath(new URL('../', import.meta.url));
const FAILING = 'aws/role-session-name-display-name.xml';

interface Hook {
  id: string;
  additional_dependencies?: string[];
  [key: string]: unknown;
}

let dir: string;
let tarball: string;
let env: NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
}

describe('the pre-commit hook', () => {
  if (!requireTool('pre-commit', ['--version'], 'pre-commit')) return;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samlint-pre-commit-'));
    const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: CLI, encoding: 'utf8' }));
    tarball = join(dir, filename);
    // Nothing from this machine's npm, git or pre-commit set-up, and npm never asks the registry.
    env = {
      PATH: process.env.PATH,
      HOME: join(dir, 'home'),
      PRE_COMMIT_HOME: join(dir, 'pre-commit-cache'),
      npm_config_offline: 'true',
      npm_config_cache: join(dir, 'npm-cache'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      GIT_AUTHOR_NAME: 'samlint test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'samlint test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      NO_COLOR: '1',
    };
    mkdirSync(env.HOME as string);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has a manifest and documented configs pre-commit accepts', () => {
    const manifest = run('pre-commit', ['validate-manifest', join(ROOT, '.pre-commit-hooks.yaml')], ROOT);
    expect(manifest.status, manifest.stdout + manifest.stderr).toBe(0);
    const configs = [...readFileSync(join(ROOT, 'docs/ci.md'), 'utf8').matchAll(/```yaml\n(repos:[\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(configs.length).toBeGreaterThanOrEqual(3);
    configs.forEach((config, i) => {
      const file = join(dir, `docs-config-${i}.yaml`);
      writeFileSync(file, config);
      const checked = run('pre-commit', ['validate-config', file], dir);
      expect(checked.status, `${config}\n${checked.stdout}${checked.stderr}`).toBe(0);
    });
  });

  it('installed from the packed tarball, fails a commit of a failing capture with its findings, and passes a clean one', () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    expect(run('git', ['init', '-q'], repo).status).toBe(0);
    // The manifest's hook, as a local hook whose dependency is the tarball in place of the registry's package.
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as [Hook];
    expect(hook.additional_dependencies).toEqual([expect.stringMatching(/^@samlint\/cli@/)]);
    const config = { repos: [{ repo: 'local', hooks: [{ ...hook, additional_dependencies: [tarball], language_version: 'system' }] }] };
    writeFileSync(join(repo, '.pre-commit-config.yaml'), stringify(config));
    // The context and config first, before the hook is installed: only captures are committed under it.
    writeVectorTree(repo, [], { config: true });
    expect(run('git', ['add', '.'], repo).status).toBe(0);
    expect(run('git', ['commit', '-q', '-m', 'samlint config'], repo).status).toBe(0);
    const installed = run('pre-commit', ['install'], repo);
    expect(installed.status, installed.stderr).toBe(0);

    writeVectorTree(repo, [FAILING], { config: false });
    run('git', ['add', 'captures'], repo);
    const failed = run('git', ['commit', '-m', 'a failing capture'], repo);
    const failedOutput = failed.stdout + failed.stderr;
    expect(failed.status, failedOutput).not.toBe(0);
    expect(failedOutput).toMatch(/samlint\.+Failed/);
    expect(failedOutput).toContain(`captures/${FAILING}`);
    // With the config's user list: the display name is both no RoleSessionName and no Connect user.
    expect(failedOutput).toMatch(/error +RoleSessionName `Jane Doe` contains a space.*AWS007 role-session-name-invalid/);
    expect(failedOutput).toMatch(/error +no Connect user `Jane Doe` among 3 users +CX003 user-not-found/);
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo).stdout.trim()).toBe('1');

    // The export fixed: the IdP now sends the clean login.
    copyFileSync(join(ROOT, 'test-vectors', CLEAN_VECTOR), join(repo, 'captures', FAILING));
    run('git', ['add', 'captures'], repo);
    const passed = run('git', ['commit', '-m', 'the fixed capture'], repo);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout + passed.stderr).toMatch(/samlint\.+Passed/);
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo).stdout.trim()).toBe('2');
  }, 300_000);
});
