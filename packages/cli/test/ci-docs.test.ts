import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';

// docs/ci.md and .pre-commit-hooks.yaml: their YAML parses, the workflows and hooks hang together, and
// every samlint command they show runs on the layout the page describes with the exit code it promises.

const DOC = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
const MANIFEST_TEXT = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
const CLI_VERSION = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version as string;
const ACTION_INPUTS = (parseDocument(readFileSync(join(ROOT, 'action.yml'), 'utf8')).toJS() as { inputs: Record<string, { required?: boolean }> }).inputs;
/** A step that runs samlint's own action (action.yml). */
const ACTION_USES = 'samlint/samlint@';

const BLOCKS = [...DOC.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] as string, body: m[2] as string }));
const bodies = (lang: string) => BLOCKS.filter((block) => block.lang === lang).map((block) => block.body);

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
interface Hook {
  id: string;
  entry?: string;
  language?: string;
  args?: string[];
  files?: string;
  exclude?: string;
  additional_dependencies?: string[];
}

// Parsed without throwing, so a syntax error fails the test that names it rather than the whole file.
const YAML_DOCS = [...bodies('yaml'), MANIFEST_TEXT].map((body) => parseDocument(body, { uniqueKeys: true }));
const YAML_BLOCKS = YAML_DOCS.slice(0, -1).map((doc) => doc.toJS() as unknown);
const WORKFLOWS = YAML_BLOCKS.filter((doc): doc is Workflow => typeof doc === 'object' && doc !== null && 'jobs' in doc);
const MANIFEST = (YAML_DOCS.at(-1)?.toJS() ?? []) as Hook[];

/** Each hook of the page's .pre-commit-config.yaml examples, as pre-commit runs it (samlint's repository: the manifest's hook, overridden). */
const HOOKS: Hook[] = YAML_BLOCKS.flatMap((doc) => {
  if (typeof doc !== 'object' || doc === null || !('repos' in doc)) return [];
  return (doc as { repos: Array<{ repo: string; hooks: Hook[] }> }).repos.flatMap(({ repo, hooks }) =>
    hooks.map((hook) => (repo === 'local' ? hook : { ...MANIFEST.find((h) => h.id === hook.id), ...hook })),
  );
});

/** Shell words: enough for the page's commands (quotes, no escapes). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** Every `samlint check …` the page runs in a code block: shell lines and workflow `run:` steps. */
const COMMANDS = BLOCKS.flatMap(({ body }) =>
  [...body.matchAll(/^\s*(?:-\s*)?(?:run:\s*)?samlint (check\b.*)$/gm)].map((m) => words(m[1] as string)),
);

/** Each step of the page's workflows that runs the action, as the `samlint check` it runs (src/action.ts). */
const ACTION_STEPS = WORKFLOWS.flatMap((workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith(ACTION_USES))));

function actionCommand(step: Step): string[] {
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, String(value)]));
  return [
    'check',
    ...(inputs.paths ?? '').split(/\s+/).filter(Boolean),
    ...(inputs['max-warnings'] ? ['--max-warnings', inputs['max-warnings']] : []),
    ...(inputs.redact === 'true' ? ['--redact'] : []),
    ...(inputs.config ? ['--config', inputs.config] : []),
  ];
}

/** The page's layout, each file from a test vector: the capture is the README's failed login. */
const LAYOUT: Record<string, string> = {
  'idp-exports/okta/idp-metadata.xml': 'test-vectors/metadata/idp-metadata.xml',
  'idp-exports/iam/connect-saml-trust.json': 'test-vectors/policies/trust-regional.json',
  'idp-exports/iam/connect-federation.json': 'test-vectors/policies/permission-user-resource.json',
  'idp-exports/captures/agent-login.har': 'test-vectors/samples/browser-export.har',
  'context/connect-users.csv': 'test-vectors/users/connect-users.csv',
};

const trees: string[] = [];
afterAll(() => trees.forEach((tree) => rmSync(tree, { recursive: true, force: true })));

/**
 * The layout in a fresh directory, with a README that is no export; with the page's config, the
 * context finds errors in the login (the user name's case, the permission's region), without it
 * only warnings remain (the relay state's `destination` encoding and region).
 */
function layout(withConfig: boolean): string {
  const tree = mkdtempSync(join(tmpdir(), 'samlint-ci-docs-'));
  trees.push(tree);
  const files: Record<string, string> = { 'idp-exports/README.md': '# IdP exports\n' };
  for (const [path, vector] of Object.entries(LAYOUT)) files[path] = readFileSync(join(ROOT, vector), 'utf8');
  if (withConfig) files['samlint.config.json'] = bodies('json')[0] as string;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  return tree;
}

/** The files pre-commit would pass a hook: those its `files` matches and its `exclude` does not (Python's re.search). */
function passedFiles(hook: Hook): string[] {
  const candidates = [...Object.keys(LAYOUT), 'idp-exports/README.md', 'samlint.config.json'];
  return candidates.filter((path) => new RegExp(hook.files ?? '').test(path) && !(hook.exclude && new RegExp(hook.exclude).test(path)));
}

async function run(args: string[], cwd: string) {
  const { io, captured } = memoryIo({ cwd });
  return { code: await main(args, io), ...captured };
}

describe('docs/ci.md and .pre-commit-hooks.yaml', () => {
  it('shows YAML that parses: workflows, pre-commit configs, and the hook manifest', () => {
    for (const doc of YAML_DOCS) expect(doc.errors.map(String)).toEqual([]);
    expect(WORKFLOWS.length).toBeGreaterThanOrEqual(1);
    expect(HOOKS.length).toBeGreaterThanOrEqual(3);
  });

  it('describes the layout the commands are tested on', () => {
    // An unindented `dir/` line is the directory of the indented lines under it.
    let dir = '';
    const listed = (bodies('text')[0] as string).split('\n').flatMap((line) => {
      const path = line.trim().split(/\s+/)[0];
      if (!path) return [];
      if (line.startsWith(' ')) return [`${dir}${path}`];
      dir = path.endsWith('/') ? path : '';
      return dir ? [] : [path];
    });
    expect(listed).toEqual(expect.arrayContaining([...Object.keys(LAYOUT), 'samlint.config.json']));
  });

  it('uploads the SARIF file the lint step writes, with the permission code scanning needs, even after errors', () => {
    for (const workflow of WORKFLOWS) {
      for (const job of Object.values(workflow.jobs)) {
        const upload = job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
        if (!upload) continue;
        expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
        expect({ ...workflow.permissions, ...job.permissions }['security-events']).toBe('write');
        expect(upload.if).toContain('!cancelled()');
        const action = job.steps.find((step) => step.uses?.startsWith(ACTION_USES));
        if (action) {
          // The action says, as an output, whether it wrote the file.
          expect(upload.with?.sarif_file).toBe(action.with?.['sarif-file']);
          expect(upload.if).toContain(`steps.${action.id}.outputs.sarif-file != ''`);
          continue;
        }
        const lint = job.steps.find((step) => step.run?.includes('--format sarif'));
        const args = words(lint?.run ?? '');
        const output = args[args.indexOf('--output-file') + 1];
        expect(upload.with?.sarif_file).toBe(output);
        expect(upload.if).toContain(`hashFiles('${output}')`);
      }
    }
    expect(WORKFLOWS.some((w) => Object.values(w.jobs).some((job) => job.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))))).toBe(true);
  });

  it('runs the action with inputs action.yml declares, every required one given', () => {
    expect(ACTION_STEPS.length).toBeGreaterThanOrEqual(1);
    for (const step of ACTION_STEPS) {
      expect(Object.keys(ACTION_INPUTS)).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})));
      for (const [name, { required }] of Object.entries(ACTION_INPUTS)) if (required) expect(step.with).toHaveProperty([name]);
    }
  });

  it('installs, once published, the version of @samlint/cli this repository builds', () => {
    const pins = [...`${DOC}\n${MANIFEST_TEXT}`.matchAll(/@samlint\/cli@(\d+\.\d+\.\d+(?:-[\w.]+)?)/g)].map((m) => m[1]);
    expect(pins.length).toBeGreaterThanOrEqual(3);
    for (const pin of pins) expect(pin).toBe(CLI_VERSION);
  });

  it('declares a node hook running `samlint check` on the files a directory run reads, never the config', () => {
    expect(MANIFEST).toEqual([expect.objectContaining({ id: 'samlint', language: 'node', entry: 'samlint check' })]);
    const [hook] = MANIFEST as [Hook];
    expect(passedFiles(hook)).toEqual(Object.keys(LAYOUT).filter((path) => path.startsWith('idp-exports/')));
  });

  describe('every samlint command it shows runs on that layout, with the exit code the page promises', () => {
    let failing: string;
    let warnings: string;
    beforeAll(() => {
      failing = layout(true);
      warnings = layout(false);
    });

    it('the workflows: errors fail the job, warnings only with --max-warnings 0', async () => {
      expect(COMMANDS.length).toBeGreaterThanOrEqual(2);
      for (const args of [...COMMANDS, ...ACTION_STEPS.map(actionCommand)]) {
        const failed = await run(args, failing);
        expect(failed.code, `${args.join(' ')}\n${failed.stderr}`).toBe(1);
        const warned = await run(args, warnings);
        expect(warned.code, `${args.join(' ')}\n${warned.stderr}`).toBe(args.includes('--max-warnings') ? 1 : 0);
      }
    }, 60_000);

    it('the workflows: SARIF goes to the file code scanning uploads, annotations name the files', async () => {
      const sarif = COMMANDS.find((args) => args.includes('sarif')) as string[];
      const written = (await run(sarif, failing)).written[sarif[sarif.indexOf('--output-file') + 1] as string];
      expect(JSON.parse(written ?? '{}')).toMatchObject({ version: '2.1.0', runs: [{ results: expect.arrayContaining([expect.objectContaining({ ruleId: 'CX003' })]) }] });
      const github = COMMANDS.find((args) => args.includes('github')) as string[];
      expect((await run(github, failing)).stdout).toMatch(/^::error file=idp-exports\/captures\/agent-login\.har,.*CX003/m);
    });

    it('the pre-commit hooks: errors fail the commit, warnings do not', async () => {
      for (const hook of HOOKS) {
        const [command, ...entry] = words(hook.entry ?? '');
        expect(command).toBe('samlint');
        const files = passedFiles(hook);
        expect(files, hook.id).toContain('idp-exports/captures/agent-login.har');
        const args = [...entry, ...(hook.args ?? []), ...files];
        expect((await run(args, failing)).code, args.join(' ')).toBe(1);
        expect((await run(args, warnings)).code, args.join(' ')).toBe(0);
      }
    });
  });
});
