import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { STDIN } from '../src/io.js';
import { lintInputs } from '../src/lint-inputs.js';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';

const CLEAN = readFileSync(join(ROOT, 'test-vectors/clean/clean-form-body.txt'), 'utf8');
const TRUNCATED = readFileSync(join(ROOT, 'test-vectors/capture/truncated.b64'), 'utf8');
const XML = readFileSync(join(ROOT, 'test-vectors/clean/clean-signed-both.xml'), 'utf8');
const PAGE = readFileSync(join(ROOT, 'test-vectors/capture/html-auto-submit.html'), 'utf8');
const FORM = readFileSync(join(ROOT, 'test-vectors/capture/html-devtools-form.html'), 'utf8');
const NO_FORM = readFileSync(join(ROOT, 'test-vectors/capture/html-no-form.html'), 'utf8');

// `pnpm test` builds before it runs vitest, so the real bin is there.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A tree of captures a team might keep: only the known extensions outside node_modules and dot-directories count. */
function exportsTree(): string {
  return tree({
    'exports/okta/b.xml': XML,
    'exports/okta/a.b64': TRUNCATED,
    'exports/okta/sub/c.XML': XML,
    'exports/entra/z.txt': CLEAN,
    'exports/README.md': '# not a capture',
    'exports/users.csv': 'first name,last name,user login\n',
    'exports/samlint.config.json': '{}',
    'exports/node_modules/pkg/x.xml': XML,
    'exports/.cache/y.xml': XML,
    'empty/notes.md': 'nothing here',
  });
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'samlint-inputs-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main(args, io);
  return { code, ...captured };
}

async function sources(args: string[], cwd: string): Promise<string[]> {
  const { stdout, stderr } = await run([...args, '--format', 'json', '--no-config'], { cwd });
  expect(stderr).toBe('');
  return JSON.parse(stdout).files.map((f: { source: string }) => f.source);
}

describe('samlint check over many files', () => {
  it('searches a directory recursively for known extensions, sorted, skipping node_modules and dot-directories', async () => {
    const root = exportsTree();
    expect(await sources(['check', 'exports'], root)).toEqual([
      'exports/entra/z.txt',
      'exports/okta/a.b64',
      'exports/okta/b.xml',
      'exports/okta/sub/c.XML',
    ]);
  });

  it('reads the Terraform source a directory holds, each with what it detected', async () => {
    const root = tree({
      'infra/okta.tf': 'resource "okta_app_saml" "connect" {\n  sso_url = "https://eu-west-2.signin.aws.amazon.com/saml"\n  signature_algorithm = "RSA_SHA1"\n}\n',
      'infra/network.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    });
    const { stdout } = await run(['check', 'infra', '--format', 'json', '--no-config'], { cwd: root });
    const files = JSON.parse(stdout).files.map((f: { source: string; detected: string }) => [f.source, f.detected]);
    expect(files).toEqual([
      ['infra/network.tf', 'Terraform source, no SAML app'],
      ['infra/okta.tf', 'Terraform source: okta_app_saml.connect'],
    ]);
  });

  it('expands a quoted glob itself, in sorted order, and lists a file named twice once', async () => {
    const root = exportsTree();
    expect(await sources(['check', 'exports/**/*.xml'], root)).toEqual(['exports/okta/b.xml']);
    expect(await sources(['check', 'exports/okta/b.xml', 'exports/*/*.{b64,xml}', './exports/okta/b.xml'], root)).toEqual([
      'exports/okta/b.xml',
      'exports/okta/a.b64',
    ]);
  });

  it('does so in the binary too, from its own working directory, with no progress on a pipe', () => {
    const root = exportsTree();
    const run = spawnSync(process.execPath, [BIN, 'check', 'exports/*/*.{b64,xml}', '--format', 'json', '--no-config'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).files.map((f: { source: string }) => f.source)).toEqual(['exports/okta/a.b64', 'exports/okta/b.xml']);
  });

  it('takes a file named outright whatever its extension', async () => {
    const root = exportsTree();
    expect(await sources(['check', 'exports/users.csv'], root)).toEqual(['exports/users.csv']);
  });

  it('reads a file Windows PowerShell 5.1 wrote, UTF-16 with a byte order mark', async () => {
    const trust = readFileSync(join(ROOT, 'test-vectors/idp-config/adfs/trust-list-clean.txt'), 'utf8');
    const root = tree({});
    writeFileSync(join(root, 'trust.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(trust, 'utf16le')]));
    const { stdout } = await run(['check', 'trust.txt', '--format', 'json', '--no-config'], { cwd: root });
    const [file] = JSON.parse(stdout).files;
    expect(file.detected).toBe('AD FS relying-party trust (list view): Amazon Connect');
    // Lines and columns are the text's, as in the UTF-8 file.
    expect(file.findings.find((f: { code: string }) => f.code === 'IDP001')?.location.span.line).toBe(38);
  });

  it('makes a glob or a directory that yields nothing a usage error', async () => {
    const root = exportsTree();
    const glob = await run(['check', 'exports/**/*.saml'], { cwd: root });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toBe('samlint: no file matches `exports/**/*.saml`\n');
    const directory = await run(['check', 'empty'], { cwd: root });
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('in directory `empty`');
  });

  it('ends with one summary: files checked, files with errors, counts', async () => {
    const root = exportsTree();
    const { code, stdout } = await run(['check', 'exports', '--no-config'], { cwd: root });
    expect(code).toBe(1);
    expect(stdout).toContain('✖ 2 problems (2 errors, 0 warnings, 0 info)\n4 files checked, 1 with errors\n');
    const json = JSON.parse((await run(['check', 'exports', '--format', 'json', '--no-config'], { cwd: root })).stdout);
    expect(json.summary).toEqual({ files: 4, filesWithErrors: 1, suppressed: 0 });
    expect(json.counts).toEqual({ error: 2, warning: 0, info: 0 });
    const single = await run(['check', 'exports/okta/b.xml', '--no-config'], { cwd: root });
    expect(single.stdout).not.toContain('files checked');
  });
});

describe('lintInputs, the one way the CLI lints', () => {
  it('lints a text the caller holds (an editor’s document) as the file it names, or as stdin when it names none', () => {
    const { io } = memoryIo({ files: { 'capture.b64': TRUNCATED } });
    const fromFile = lintInputs(io, { inputs: ['capture.b64'], config: false }).results;
    expect(fromFile.map((r) => r.result.findings.map((f) => f.code))).toEqual([['IN003', 'XML001']]);
    const held = lintInputs(io, { inputs: [{ source: 'file:///capture.b64', text: TRUNCATED, path: 'capture.b64' }], config: false }).results;
    expect(held).toEqual(fromFile.map((file) => ({ ...file, source: 'file:///capture.b64' })));
    const untitled = lintInputs(io, { inputs: [{ source: 'untitled:Untitled-1', text: TRUNCATED }], config: false }).results;
    expect(untitled).toEqual(lintInputs(memoryIo({ stdin: TRUNCATED }).io, { inputs: [STDIN], config: false }).results.map((file) => ({ ...file, source: 'untitled:Untitled-1' })));
  });

  it('takes a config the caller resolved instead of loading one', () => {
    const { io } = memoryIo({ files: { 'capture.b64': TRUNCATED } });
    const config = { file: 'editor settings', args: {}, settings: { rules: { IN003: 'off' as const, XML001: 'off' as const } } };
    const run = lintInputs(io, { inputs: ['capture.b64'], config: false }, { config });
    expect(run.config).toBe('editor settings');
    expect(run.results.flatMap((r) => r.result.findings)).toEqual([]);
  });
});

describe('HTML pages among the inputs', () => {
  /** Saved pages beside captures: the IdP's auto-submit pages, a form copied from DevTools, an error page, a page of notes. */
  const pagesTree = () =>
    tree({
      'pages/okta/login.html': PAGE,
      'pages/okta/form.HTM': FORM,
      'pages/okta/error.html': NO_FORM,
      'pages/notes.html': '<!DOCTYPE html><p>How we set up SAML</p>',
      'pages/b.xml': XML,
      'notes/index.html': '<!DOCTYPE html><p>nothing</p>',
    });

  it('lints the pages a directory holds that carry a SAMLResponse, and skips the others silently', async () => {
    const root = pagesTree();
    expect(await sources(['check', 'pages'], root)).toEqual(['pages/b.xml', 'pages/okta/form.HTM', 'pages/okta/login.html']);
    const { stdout } = await run(['check', 'pages', '--format', 'json', '--no-config'], { cwd: root });
    const detected = JSON.parse(stdout).files.map((f: { detected: string }) => f.detected);
    expect(detected).toEqual(['raw XML', 'HTML form with SAMLResponse and RelayState', 'HTML form with SAMLResponse and RelayState']);
  });

  it('reports a page named outright that holds no SAMLResponse form', async () => {
    const root = pagesTree();
    const { code, stdout } = await run(['check', 'pages/okta/error.html', '--format', 'json', '--no-config'], { cwd: root });
    expect(code).toBe(1);
    const [file] = JSON.parse(stdout).files;
    expect(file.detected).toBe('HTML page without a SAMLResponse field');
    expect(file.findings.map((f: { code: string }) => f.code)).toEqual(['IN001']);
  });

  it('makes a directory of pages without a SAMLResponse a usage error that says so', async () => {
    const { code, stderr } = await run(['check', 'notes', '--no-config'], { cwd: pagesTree() });
    expect(code).toBe(2);
    expect(stderr).toContain('in directory `notes` (1 HTML page without a SAMLResponse)');
  });
});

describe('the progress line', () => {
  const CLEAR = '\r\u001b[2K';

  it('is written on a terminal stderr, rewritten in place and cleared at the end', async () => {
    const root = exportsTree();
    const { stderr } = await run(['check', 'exports', '--no-config'], { cwd: root, stderrIsTTY: true });
    expect(stderr.split(CLEAR).filter(Boolean)).toEqual([
      'checking 1/4 exports/entra/z.txt',
      'checking 2/4 exports/okta/a.b64',
      'checking 3/4 exports/okta/b.xml',
      'checking 4/4 exports/okta/sub/c.XML',
    ]);
    expect(stderr.endsWith(CLEAR)).toBe(true);
  });

  it('is never written when stderr is not a terminal, for JSON piped away, or for one file', async () => {
    const root = exportsTree();
    expect((await run(['check', 'exports', '--no-config'], { cwd: root, stderrIsTTY: false, isTTY: true })).stderr).toBe('');
    expect((await run(['check', 'exports', '--format', 'json', '--no-config'], { cwd: root, stderrIsTTY: true })).stderr).toBe('');
    expect((await run(['check', 'exports/okta/b.xml', '--no-config'], { cwd: root, stderrIsTTY: true })).stderr).toBe('');
  });

  it('is cleared before a usage error is reported', async () => {
    const root = exportsTree();
    const { code, stderr } = await run(['check', 'exports', 'missing.xml', '--no-config'], { cwd: root, stderrIsTTY: true });
    expect(code).toBe(2);
    expect(stderr).toMatch(/checking 5\/5 missing\.xml\r\u001b\[2Ksamlint: cannot read `missing\.xml`: ENOENT\n$/);
  });

  it('keeps a long path to the width of a terminal line', async () => {
    const root = exportsTree();
    const deep = `exports/${'very-long-directory-name/'.repeat(5)}capture.xml`;
    mkdirSync(dirname(join(root, deep)), { recursive: true });
    writeFileSync(join(root, deep), XML);
    const { stderr } = await run(['check', 'exports', '--no-config'], { cwd: root, stderrIsTTY: true });
    const lines = stderr.split(CLEAR).filter(Boolean);
    expect(lines.every((line) => line.length <= 79)).toBe(true);
    expect(lines.some((line) => line.endsWith('very-long-directory-name/capture.xml') && line.includes('…'))).toBe(true);
  });
});
