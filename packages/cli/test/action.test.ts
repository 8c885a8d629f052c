import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_DIR, buildAction } from '../build.mjs';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';
import { CLEAN_VECTOR, writeVectorTree } from './vector-workspace.js';

// The GitHub Action (action.yml) run as the runner runs it: `node <runs.main>` of a checkout of the
// action (no node_modules) in a child process, in the workspace, each declared input as INPUT_<NAME>
// (its default when the step gives none), with the files for outputs and the job summary. Its reports
// must be the CLI's own on the same files.

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

const FAILING = 'aws/role-session-name-display-name.xml'; // two errors naming the user, `Jane Doe`
const WARNING = 'aws/role-pair-space-after-comma.xml'; // one warning
const CLEAN = CLEAN_VECTOR;

const trees: string[] = [];
afterAll(() => trees.forEach((tree) => rmSync(tree, { recursive: true, force: true })));

/**
 * The action's repository as a runner checks it out: committed files only, with no node_modules and no
 * build output for the bundle to lean on. It needs action.yml, the bundle, and the rule pages SARIF quotes.
 */
const CHECKOUT = mkdtempSync(join(tmpdir(), 'samlint-action-checkout-'));
trees.push(CHECKOUT);
for (const path of ['action.yml', dirname(ACTION.runs.main), 'docs/rules']) cpSync(join(ROOT, path), join(CHECKOUT, path), { recursive: true });

/** A workspace of vectors (writeVectorTree), removed after the tests. */
function workspace(vectors: string[], options: { config: boolean }): string {
  const tree = mkdtempSync(join(tmpdir(), 'samlint-action-'));
  trees.push(tree);
  writeVectorTree(tree, vectors, options);
  return tree;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The step's outputs from the runner's file: `name=value` lines and `name<<DELIMITER` heredocs. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      expect(end, `unterminated output ${heredoc[1]}`).toBeGreaterThan(i);
      outputs[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** One run of the action's entry, as a step `with:` these inputs. */
function runAction(tree: string, given: Record<string, string>): Promise<ActionRun> {
  const runner = mkdtempSync(join(tmpdir(), 'samlint-runner-'));
  trees.push(runner);
  const files = { GITHUB_OUTPUT: join(runner, 'output'), GITHUB_STEP_SUMMARY: join(runner, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const inputs = Object.fromEntries(
    Object.entries(ACTION.inputs).map(([name, { default: fallback }]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, given[name] ?? fallback ?? '']),
  );
  for (const name of Object.keys(given)) expect(ACTION.inputs, `action.yml declares input ${name}`).toHaveProperty([name]);
  const env = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: tree, ...files, ...inputs };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(CHECKOUT, ACTION.runs.main)], { cwd: tree, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      }),
    );
  });
}

/** `samlint check` in the workspace, in this process: what the action must print and write. */
async function cli(tree: string, args: string[]) {
  const { io, captured } = memoryIo({ cwd: tree });
  return { code: await main(['check', ...args], io), ...captured };
}

// Each test starts the action's process, several times for some: on a busy machine that takes seconds.
describe('the GitHub Action', { timeout: 60_000 }, () => {
  it('is a JavaScript action on Node 20 whose entry is committed beside its licences', () => {
    expect(ACTION.runs.using).toBe('node20');
    expect(join(ROOT, ACTION.runs.main)).toBe(join(ACTION_DIR, 'index.mjs'));
    expect(Object.keys(ACTION.inputs)).toEqual(['paths', 'format', 'sarif-file', 'max-warnings', 'config', 'redact']);
    expect(ACTION.inputs.format?.default).toBe('annotations');
    expect(Object.keys(ACTION.outputs)).toEqual(['errors', 'warnings', 'sarif-file']);
    expect(existsSync(join(ACTION_DIR, 'THIRD-PARTY-NOTICES.md'))).toBe(true);
  });

  it('runs the bundle its sources build: the committed files are not stale (else: pnpm build:action, and commit them)', async () => {
    const built = await buildAction({ write: false });
    for (const [name, text] of Object.entries(built)) {
      expect(readFileSync(join(ACTION_DIR, name), 'utf8') === text, `packages/cli/action/${name} is stale: run \`npx pnpm@10.34.9 build:action\` and commit it`).toBe(true);
    }
  }, 60_000);

  describe('on a failing and a clean capture, with the context of a config', () => {
    let tree: string;
    let run: ActionRun;
    const paths = `captures/${FAILING}\ncaptures/${CLEAN}`;
    const args = [`captures/${FAILING}`, `captures/${CLEAN}`];
    beforeAll(async () => {
      tree = workspace([FAILING, CLEAN], { config: true });
      run = await runAction(tree, { paths, 'sarif-file': 'reports/samlint.sarif' });
    }, 30_000);

    it('prints the annotations `check --format github` prints, and fails the step as check does (exit 1)', async () => {
      const expected = await cli(tree, [...args, '--format', 'github']);
      expect(expected.code).toBe(1);
      expect(run.stdout).toBe(expected.stdout);
      expect(run.stdout).toMatch(/^::error file=captures\/aws\/role-session-name-display-name\.xml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CX003 user-not-found::no Connect user `Jane Doe`/m);
      expect(run.stdout).not.toContain('clean-signed-both');
      expect(run.code).toBe(1);
    });

    it('writes the SARIF log check writes, and names it as an output with the counts', async () => {
      const expected = await cli(tree, [...args, '--format', 'sarif', '--output-file', 'reports/samlint.sarif']);
      const written = readFileSync(join(tree, 'reports/samlint.sarif'), 'utf8');
      expect(written).toBe(expected.written['reports/samlint.sarif']);
      // Its rules' help is their page, which the bundle reads from the checkout's docs/rules/.
      expect(JSON.parse(written).runs[0].tool.driver.rules[0].help.markdown).toContain('## What it does');
      expect(run.outputs).toEqual({ errors: '2', warnings: '0', 'sarif-file': 'reports/samlint.sarif' });
    });

    it('sums the run up in the job summary: the counts, and a table of findings for the failing file only', () => {
      expect(run.summary).toContain('✖ 2 problems (2 errors, 0 warnings, 0 info) in 2 files checked, 1 with errors');
      expect(run.summary).toContain(`### \`captures/${FAILING}\`\n\n| Code | Severity | Location | Message |\n|---|---|---|---|\n`);
      expect(run.summary).toMatch(/^\| \[CX003\]\(https:\/\/\S+\/CX003\.md\) user-not-found \| error \| \d+:\d+ \| no Connect user `Jane Doe` among 3 users \|$/m);
      expect(run.summary).toMatch(/^\| \[AWS007\]\(\S+\) role-session-name-invalid \| error \| \d+:\d+ \| RoleSessionName `Jane Doe` contains a space/m);
      expect(run.summary).not.toContain(CLEAN);
    });
  });

  it('passes a clean capture (exit 0): no annotation, zero counts, and a summary that says so', async () => {
    const run = await runAction(workspace([CLEAN], { config: true }), { paths: `captures/${CLEAN}` });
    expect(run).toMatchObject({ code: 0, stdout: '', outputs: { errors: '0', warnings: '0', 'sarif-file': '' } });
    expect(run.summary).toBe('## samlint\n\n✔ no problems (1 file checked)\n');
  });

  it('never calls a capture whose signature it could not check against a trusted certificate plainly clean', async () => {
    const run = await runAction(workspace([CLEAN], { config: false }), { paths: `captures/${CLEAN}` });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('✔ no problems, but no signature was checked against a trusted certificate');
    expect(run.summary).toMatch(/<details><summary>\d+ rules not checked, needing more context<\/summary>\n\n- SIG006 certificate-not-trusted/);
  });

  it('fails on warnings only beyond max-warnings, as check does', async () => {
    const tree = workspace([WARNING], { config: true });
    const within = await runAction(tree, { paths: 'captures' });
    expect(within).toMatchObject({ code: 0, outputs: { errors: '0', warnings: '1' } });
    expect(within.stdout).toMatch(/^::warning file=captures\/aws\/role-pair-space-after-comma\.xml,.*title=AWS003 role-pair-whitespace::/);
    const over = await runAction(tree, { paths: 'captures', 'max-warnings': '0' });
    expect(over).toMatchObject({ code: 1, outputs: { errors: '0', warnings: '1' } });
    expect(over.stderr).toContain('samlint: 1 warnings, more than --max-warnings 0');
  });

  it('expands globs and takes paths separated by spaces or line breaks, each file once', async () => {
    const tree = workspace([FAILING, WARNING, CLEAN], { config: true });
    const expected = await cli(tree, ['captures/**/*.xml', '--format', 'github']);
    for (const paths of ['captures/**/*.xml', `  captures/aws/*.xml\n\ncaptures/**/*.xml captures/${CLEAN}\n`]) {
      const run = await runAction(tree, { paths });
      expect(run.stdout, paths).toBe(expected.stdout);
      expect(run.outputs, paths).toEqual({ errors: '2', warnings: '1', 'sarif-file': '' });
      expect(run.summary, paths).toContain('in 3 files checked, 1 with errors');
    }
  });

  it('redacts the annotations, the summary and the SARIF log when asked, as --redact does', async () => {
    const tree = workspace([FAILING], { config: true });
    const run = await runAction(tree, { paths: 'captures', redact: 'true', 'sarif-file': 'samlint.sarif' });
    expect(run.stdout).toBe((await cli(tree, ['captures', '--redact', '--format', 'github'])).stdout);
    // The results, not the rules: the rule pages quoted as help show `Jane Doe` as their example.
    const sarif = JSON.parse(readFileSync(join(tree, 'samlint.sarif'), 'utf8'));
    for (const text of [run.stdout, run.summary, JSON.stringify(sarif.runs[0].results)]) {
      expect(text).not.toContain('Jane');
      expect(text).toContain('CX003');
    }
  });

  it('reports a usage error as an error annotation and exits 2, as check does', async () => {
    const tree = workspace([CLEAN], { config: true });
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ paths: 'captures/**/*.saml' }, /no file matches `captures\/\*\*\/\*\.saml`/],
      [{ paths: ' \n ' }, /input `paths` names no file/],
      [{ paths: 'captures', format: 'markdown' }, /input `format` is `markdown`, not one of annotations, stylish, json, sarif, github, gcc/],
      [{ paths: 'captures', 'max-warnings': 'none' }, /--max-warnings takes a whole number/],
      [{ paths: 'captures', redact: 'yes' }, /input `redact` is `yes`, not true or false/],
      [{ paths: 'captures', config: 'missing.json' }, /missing\.json/],
    ];
    for (const [given, message] of cases) {
      const run = await runAction(tree, given);
      expect(run.code, JSON.stringify(given)).toBe(2);
      expect(run.stdout).toMatch(/^::error title=samlint::samlint: /);
      expect(run.stdout).toMatch(message);
      expect(run.summary).toContain('samlint could not run');
      expect(run.outputs).toEqual({ 'sarif-file': '' });
    }
  });

  it('still writes a SARIF log saying the run failed, for code scanning, and names it', async () => {
    const tree = workspace([CLEAN], { config: false });
    const run = await runAction(tree, { paths: 'captures/nothing-here.xml', 'sarif-file': 'samlint.sarif' });
    expect(run).toMatchObject({ code: 2, outputs: { 'sarif-file': 'samlint.sarif' } });
    const log = JSON.parse(readFileSync(join(tree, 'samlint.sarif'), 'utf8'));
    expect(log.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false });
  });
});
