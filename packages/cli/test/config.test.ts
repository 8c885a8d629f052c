import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';

const SAMPLE = readFileSync(join(ROOT, 'test-vectors/samples/agent-access-denied.txt'), 'utf8');
const USERS = readFileSync(join(ROOT, 'test-vectors/users/connect-users.csv'), 'utf8');
const TRUNCATED = readFileSync(join(ROOT, 'test-vectors/capture/truncated.b64'), 'utf8');
const OKTA = 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9';
const NOW = '2026-11-27T09:00:30Z';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A real directory tree (values that are objects are written as JSON); returns its root. */
function tree(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'samlint-config-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main(args, io);
  return { code, ...captured };
}

async function json(args: string[], cwd: string) {
  const { code, stdout, stderr } = await run([...args, '--format', 'json'], { cwd });
  expect(stderr).toBe('');
  const output = JSON.parse(stdout);
  const codes = output.files.flatMap((f: { findings: Array<{ code: string; severity: string }> }) =>
    f.findings.map((finding) => `${finding.code}:${finding.severity}`),
  );
  return { code, output, codes: codes.sort() as string[] };
}

describe('samlint.config.json discovery', () => {
  it('is found from the working directory up, the nearest one wins, and --no-config ignores it', async () => {
    const root = tree({
      'samlint.config.json': { rules: { CX006: 'off' }, now: NOW },
      'team/samlint.config.json': { users: 'users.csv', now: NOW },
      'team/users.csv': USERS,
      'team/logins/2026/capture.txt': SAMPLE,
    });
    const cwd = join(root, 'team/logins/2026');
    const nearest = await json(['check', 'capture.txt'], cwd);
    // The team config's user list ran CX003; the outer config (CX006 off) was not read.
    expect(nearest.codes).toEqual(['CX003:error', 'CX006:warning', 'CX007:warning']);
    expect(nearest.output.config).toBe(join(root, 'team/samlint.config.json'));
    const none = await json(['check', 'capture.txt', '--no-config'], cwd);
    expect(none.codes).not.toContain('CX003:error');
    expect(none.output.config).toBeUndefined();
    expect(none.output.files[0].unchecked.map((u: { code: string }) => u.code)).toContain('CX003');
  });

  it('resolves file paths against the config’s directory, whichever directory samlint runs in', async () => {
    const root = tree({
      'config/samlint.config.json': { users: '../data/users.csv', now: NOW },
      'data/users.csv': USERS,
      'capture.txt': SAMPLE,
    });
    const named = await json(['check', 'capture.txt', '--config', 'config/samlint.config.json'], root);
    expect(named.codes).toContain('CX003:error');
    expect(named.output.config).toBe(join('config', 'samlint.config.json'));
  });

  it('lets every flag override the file', async () => {
    const root = tree({
      'samlint.config.json': { users: 'nobody.csv', now: '2020-01-01T00:00:00Z', region: 'us-east-1' },
      'users.csv': USERS,
      'capture.txt': SAMPLE,
    });
    const fromFile = await run(['check', 'capture.txt'], { cwd: root });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain('nobody.csv');
    const flags = await json(['check', 'capture.txt', '--users', 'users.csv', '--now', NOW], root);
    // The file's 2020 clock would make the assertion not yet valid (SAML013); the flag's does not.
    expect(flags.codes).toEqual(['CX003:error', 'CX006:warning', 'CX007:warning']);
  });

  it('names the config file it could not read', async () => {
    const missing = await run(['check', 'test-vectors/clean/clean-form-body.txt', '--config', 'no/such/samlint.config.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/samlint.config.json');
  });
});

describe('rules and ignores', () => {
  it('overrides severities and switches rules off, by code or name', async () => {
    const root = tree({
      'samlint.config.json': { users: 'users.csv', now: NOW, rules: { CX003: 'warning', 'region-mismatch': 'off' } },
      'users.csv': USERS,
      'capture.txt': SAMPLE,
    });
    const { code, codes } = await json(['check', 'capture.txt'], root);
    expect(codes).toEqual(['CX003:warning', 'CX007:warning']);
    expect(code).toBe(0);
  });

  it('drops a rule’s findings for the issuer named, counts them, and says so', async () => {
    const ignore = (issuer: string) => ({
      users: 'users.csv',
      now: NOW,
      ignores: [{ code: 'user-not-found', issuer, reason: 'test users are not in Connect' }],
    });
    const root = tree({ 'samlint.config.json': ignore(OKTA), 'users.csv': USERS, 'capture.txt': SAMPLE });
    const ignored = await json(['check', 'capture.txt'], root);
    expect(ignored.codes).toEqual(['CX006:warning', 'CX007:warning']);
    expect(ignored.output.summary.suppressed).toBe(1);
    expect(ignored.output.files[0].suppressed).toBe(1);
    const stylish = await run(['check', 'capture.txt'], { cwd: root });
    expect(stylish.stdout).toContain('1 finding suppressed by samlint.config.json');

    const other = tree({ 'samlint.config.json': ignore('https://sts.windows.net/other/'), 'users.csv': USERS, 'capture.txt': SAMPLE });
    const kept = await json(['check', 'capture.txt'], other);
    expect(kept.codes).toContain('CX003:error');
    expect(kept.output.summary.suppressed).toBe(0);
  });

  it('drops an ignore without issuer everywhere', async () => {
    const root = tree({
      'samlint.config.json': { ignores: [{ code: 'IN003', reason: 'known truncated exports' }] },
      'truncated.b64': TRUNCATED,
    });
    const { codes, output } = await json(['check', 'truncated.b64'], root);
    expect(codes).toEqual(['XML001:error']);
    expect(output.summary.suppressed).toBe(1);
  });
});

describe('a bad config is a usage error naming the file, the place and the path', () => {
  async function bad(config: string) {
    const root = tree({ 'samlint.config.json': config, 'truncated.b64': TRUNCATED });
    const result = await run(['check', 'truncated.b64'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    return result.stderr;
  }

  it('invalid JSON, with line and column', async () => {
    expect(await bad('{\n  "region": "eu-west-2"\n  "now": "now"\n}\n')).toBe('samlint: samlint.config.json:3:3: invalid JSON: comma expected\n');
    expect(await bad('{ "now": "now", // today\n}')).toMatch(/^samlint: samlint\.config\.json:1:17: invalid JSON: /);
    expect(await bad('')).toMatch(/^samlint: samlint\.config\.json:1:1: invalid JSON/);
  });

  it('a field the schema does not know, a wrong type or value', async () => {
    expect(await bad('{\n  "regoin": "eu-west-2"\n}')).toBe('samlint: samlint.config.json:2:3: $.regoin: not a samlint.config.json field\n');
    expect(await bad('{"region": "Europe"}')).toContain('samlint.config.json:1:12: $.region: must be an AWS Region code such as eu-west-2');
    expect(await bad('{"clockSkew": -5}')).toContain('$.clockSkew: must be >= 0');
    expect(await bad('{"certificates": "idp.pem"}')).toContain('$.certificates: must be array');
    expect(await bad('[]')).toContain('samlint.config.json:1:1: $: must be object');
  });

  it('a rule setting or an ignore that is wrong, every problem on its own line, in the file’s order', async () => {
    const stderr = await bad(
      JSON.stringify({ ignores: [{ code: 'CX003' }, { code: 'CX003', reason: 'x' }], rules: { CX003: 'fatal', 'signature-wrapping': 'off' } }, null, 2),
    );
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('samlint: samlint.config.json:3:5: $.ignores[0]: `reason` is required');
    expect(lines[1]).toBe('samlint: samlint.config.json:12:14: $.rules.CX003: must be one of "error", "warning", "info", "off"');
  });

  it('a rule code or name no rule has', async () => {
    const stderr = await bad(JSON.stringify({ rules: { CX999: 'off' }, ignores: [{ code: 'signature-wraping', reason: 'typo' }] }, null, 2));
    expect(stderr).toContain('samlint.config.json:3:5: $.rules.CX999: no rule has the code or name `CX999`');
    expect(stderr).toContain('samlint.config.json:7:15: $.ignores[0].code: no rule has the code or name `signature-wraping`');
  });
});
