import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYMPTOMS } from '@samlint/core';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';

const SAMPLE = 'test-vectors/samples/agent-access-denied.txt';
const DISPLAY_NAME = 'test-vectors/aws/role-session-name-display-name.xml';
const CLEAN = 'test-vectors/clean/clean-form-body.txt';
const USERS = 'test-vectors/users/connect-users.csv';
const MUST_MATCH = 'RoleSessionName in AuthnResponse must match …';

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main(args, io);
  return { code, ...captured };
}

async function json(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { code, stdout, stderr } = await run([...args, '--format', 'json'], options);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('samlint why', () => {
  it('names the message, then the rule that caused it in the capture, with its fix; exit 0', async () => {
    const { code, stdout } = await run(['why', MUST_MATCH, DISPLAY_NAME]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${DISPLAY_NAME}: raw XML`);
    expect(stdout).toContain(`\n${SYMPTOMS['role-session-name-must-match']}\n  shown by AWS sign-in`);
    expect(stdout).toMatch(/likely causes in this capture\n\s+xml \d+:\d+\s+error\s+RoleSessionName `Jane Doe` contains a space.*AWS007 role-session-name-invalid\n\s+help: map RoleSessionName/);
    expect(stdout).toContain('docs/rules/AWS007.md -- role-session-name-invalid');
  });

  it('ranks the cause the capture shows first for an ambiguous message, and keeps other findings apart', async () => {
    const { stdout } = await run(['why', 'Access denied', SAMPLE, '--users', USERS]);
    expect(stdout).toMatch(/^ambiguous: the message fits 3 that samlint knows/m);
    const bullets = stdout.split('\n').filter((line) => line.startsWith('  • '));
    expect(bullets[0]).toContain(SYMPTOMS['connect-not-onboarded']);
    const notOnboarded = stdout.indexOf(`\n${SYMPTOMS['connect-not-onboarded']}\n`);
    const cx003 = stdout.indexOf('CX003 user-not-found');
    const alsoWrong = stdout.indexOf('also wrong in this capture');
    expect(notOnboarded).toBeGreaterThan(0);
    expect(cx003).toBeGreaterThan(notOnboarded);
    expect(alsoWrong).toBeGreaterThan(cx003);
    expect(stdout.slice(alsoWrong)).toMatch(/CX007 destination-not-url-encoded/);
    expect(stdout).toMatch(/ruled out \(checked, nothing found\)\n\s+.*CX001 user-name-charset/);
  });

  it('names each login of a HAR file by its entry', async () => {
    const har = 'test-vectors/capture/har-two-logins.har';
    const { stdout } = await run(['why', MUST_MATCH.replace(' …', ''), har, '--users', USERS]);
    expect(stdout).toMatch(/^test-vectors\/capture\/har-two-logins\.har entry 2: POST https:\/\/eu-west-2\.signin\.aws\.amazon\.com\/saml: HAR/m);
    expect(stdout).toMatch(/^test-vectors\/capture\/har-two-logins\.har entry 5: POST/m);
  });

  it('without a capture, lists what could not be checked and what would let it, and the causes samlint cannot see', async () => {
    const { code, stdout } = await run(['why', 'Access denied']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('likely causes');
    expect(stdout).toMatch(/could not check\n(.*\n)*\s+CX003 user-not-found: .*needs the SAMLResponse, --users/);
    expect(stdout).toMatch(/other causes samlint cannot see\n\s+• the user has two separate profiles assigned with SSO\n\s+fix: /);
    expect(stdout).toContain('Give the capture (samlint why "<message>" capture.txt)');
  });

  it('knows the messages of Session expired that no capture shows', async () => {
    const { stdout } = await run(['why', 'Session expired']);
    expect(stdout).toMatch(/^Session expired\n  shown by Amazon Connect/);
    expect(stdout).toContain('reverse federation');
  });

  it('lists the messages it knows for one it does not, and still shows what is wrong in the capture', async () => {
    const { code, stdout } = await run(['why', 'the printer is on fire', 'test-vectors/sig/digest-mismatch.xml']);
    expect(code).toBe(0);
    expect(stdout).toContain('samlint does not know this message. The messages it knows:');
    for (const message of Object.values(SYMPTOMS)) expect(stdout).toContain(`  ${message}  `);
    expect(stdout).toMatch(/also wrong in this capture\n.*SIG004 digest-mismatch/);
  });

  it('reads the capture, or the message, from stdin for -', async () => {
    const { io } = memoryIo();
    const capture = io.readFile(DISPLAY_NAME);
    const fromStdin = await json(['why', MUST_MATCH, '-'], { stdin: capture });
    expect(fromStdin.files).toEqual([{ source: '<stdin>', detected: 'raw XML' }]);
    expect(fromStdin.diagnoses[0].likely[0].finding.code).toBe('AWS007');
    const message = await json(['why', '-', DISPLAY_NAME], { stdin: `Error: ${MUST_MATCH}\n` });
    expect(message.diagnoses.map((d: { symptom: string }) => d.symptom)).toEqual(['role-session-name-must-match']);
  });

  it('never prints the capture’s personal values when no finding names them', async () => {
    const { stdout } = await run(['why', 'Access denied', CLEAN, '--users', USERS, '--now', '2026-11-27T09:00:30Z']);
    for (const personal of ['jane.doe@example.com', '00u1a2b3c4d5e6f7g8h9', '123456789012', 'SAMLResponse=']) expect(stdout).not.toContain(personal);
    expect(stdout).toContain('ruled out');
  });

  it('exits 2 on usage errors, and says to quote a message of several words', async () => {
    const unquoted = await run(['why', 'Access', 'denied']);
    expect(unquoted.code).toBe(2);
    expect(unquoted.stderr).toBe('samlint: cannot read `denied`: ENOENT; quote a message of several words: samlint why "Access denied" …\n');
    const missing = await run(['why', 'Access denied', 'no/such/file.b64']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('samlint: cannot read `no/such/file.b64`: ENOENT\n');
    const twoStdins = await run(['why', '-', '-'], { stdin: 'Access denied' });
    expect(twoStdins.code).toBe(2);
    expect(twoStdins.stderr).toContain('only one of the message and the captures can be read from stdin');
    expect((await run(['why'])).code).toBe(2);
    expect((await run(['why', 'Access denied', '--now', 'yesterday'])).code).toBe(2);
    expect((await run(['why', 'Access denied', '--format', 'sarif'])).code).toBe(2);
  });

  it('is listed among the commands', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toContain('check, why, decode, explain, rules or server');
  });
});

describe('samlint why --format json', () => {
  it('has the documented shape', async () => {
    const output = await json(['why', MUST_MATCH, DISPLAY_NAME]);
    expect(Object.keys(output)).toEqual(['schemaVersion', 'tool', 'match', 'files', 'diagnoses', 'alsoWrong']);
    expect(output).toMatchObject({ schemaVersion: 1, tool: { name: 'samlint' }, match: 'exact', files: [{ source: DISPLAY_NAME, detected: 'raw XML' }] });
    const [diagnosis] = output.diagnoses;
    expect(Object.keys(diagnosis)).toEqual(['symptom', 'message', 'shownBy', 'likely', 'unchecked', 'ruledOut', 'otherCauses']);
    expect(diagnosis.symptom).toBe('role-session-name-must-match');
    expect(diagnosis.likely[0]).toMatchObject({
      source: DISPLAY_NAME,
      finding: { code: 'AWS007', severity: 'error', name: 'role-session-name-invalid', location: { artifact: 'xml' } },
    });
    expect(output.alsoWrong).toEqual([]);
  });

  it('gives unchecked rules their flags and the other causes their sources', async () => {
    const output = await json(['why', 'has not been onboarded']);
    const [diagnosis] = output.diagnoses;
    expect(diagnosis.unchecked).toContainEqual(expect.objectContaining({ code: 'CX003', name: 'user-not-found', needsCapture: true, flags: ['--users'] }));
    expect(diagnosis.otherCauses[0]).toEqual(expect.objectContaining({ cause: expect.any(String), fix: expect.any(String), source: 'facts §2, §12 (CX-TS)' }));
    expect(output.files).toEqual([]);
  });

  it('says ambiguous, and lists every known message for an unknown one', async () => {
    expect((await json(['why', 'AccessDenied'])).match).toBe('ambiguous');
    const unknown = await json(['why', 'hello']);
    expect(unknown.match).toBe('unknown');
    expect(unknown.diagnoses).toEqual([]);
    expect(unknown.known).toHaveLength(Object.keys(SYMPTOMS).length);
    expect(unknown.known[0]).toEqual({ symptom: 'invalid-saml-response', message: SYMPTOMS['invalid-saml-response'] });
  });
});

describe('docs/why.md', () => {
  it('lists every message samlint knows, with its id', () => {
    const page = readFileSync(join(ROOT, 'docs/why.md'), 'utf8');
    for (const [id, message] of Object.entries(SYMPTOMS)) {
      expect(page, id).toContain(`\`${id}\``);
      expect(page, id).toContain(message.replace(/\|/g, '\\|'));
    }
  });
});
