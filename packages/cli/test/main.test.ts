import { describe, expect, it } from 'vitest';
import { RULES } from '@samlint/core';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const CLEAN = 'test-vectors/clean/clean-form-body.txt';
const USERS = 'test-vectors/users/connect-users.csv';
const TRUNCATED = 'test-vectors/capture/truncated.b64';
const NOW = '2026-11-27T09:00:30Z';

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main(args, io);
  return { code, ...captured };
}

describe('samlint check', () => {
  it('exits 0 and says so on a clean capture', async () => {
    const { code, stdout } = await run(['check', CLEAN, '--users', USERS, '--now', NOW]);
    expect(code).toBe(0);
    expect(stdout).toContain('detected: form body with SAMLResponse and RelayState');
    expect(stdout).toContain('inferred: region eu-west-2 from the relay state host');
    expect(stdout).toContain('✔ no problems, but no signature was checked against a trusted certificate (--cert or --metadata)');
  });

  it('says plainly "no problems" only when the signatures were checked against a trusted certificate', async () => {
    const { code, stdout } = await run(['check', CLEAN, '--users', USERS, '--now', NOW, '--cert', 'test-vectors/keys/idp.crt']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✔ no problems$/m);
  });

  it('never ends a forged signature in "no problems": an ID under `Id` next to a copied genuine Signature', async () => {
    const { code, stdout } = await run(['check', 'test-vectors/sig/id-attribute-capital-i.xml', '--cert', 'test-vectors/keys/idp.crt']);
    expect(code).toBe(1);
    expect(stdout).toContain('signatures: no valid signature over the Response or the Assertion');
    expect(stdout).toContain('SIG003');
    expect(stdout).not.toContain('no problems');
  });

  it('exits 1 when errors are found, and 0 with --exit-zero', async () => {
    expect((await run(['check', TRUNCATED])).code).toBe(1);
    expect((await run(['check', TRUNCATED, '--exit-zero'])).code).toBe(0);
  });

  it('prints every finding as versioned JSON', async () => {
    const { code, stdout } = await run(['check', TRUNCATED, '--format', 'json']);
    expect(code).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.schemaVersion).toBe(2);
    expect(output.tool.name).toBe('samlint');
    const [file] = output.files;
    expect(file.source).toBe(TRUNCATED);
    expect(file.findings.map((f: { code: string }) => f.code)).toEqual(['IN003', 'XML001']);
    expect(file.findings[0]).toMatchObject({ severity: 'error', name: 'response-truncated', messageId: expect.any(String), location: { artifact: 'input' } });
    expect(output.counts).toEqual({ error: 2, warning: 0, info: 0 });
  });

  it('reads stdin for -', async () => {
    const { io } = memoryIo();
    const stdin = io.readFile(CLEAN);
    const { code, stdout } = await run(['check', '-', '--users', USERS, '--now', NOW], { stdin });
    expect(code).toBe(0);
    expect(stdout).toContain('<stdin>');
  });

  it('says which rules could not run and which flag would let them', async () => {
    const { stdout } = await run(['check', 'test-vectors/clean/clean-signed-both.xml']);
    expect(stdout).toMatch(/not checked, needs more context: .*\(--now\)/);
    expect(stdout).toMatch(/\(--users\)/);
  });

  it('is deterministic', async () => {
    const first = await run(['check', TRUNCATED, CLEAN, '--format', 'json']);
    const second = await run(['check', TRUNCATED, CLEAN, '--format', 'json']);
    expect(first.stdout).toBe(second.stdout);
  });

  it('colours only a terminal without NO_COLOR', async () => {
    const escape = '\u001b[';
    expect((await run(['check', TRUNCATED], { isTTY: true })).stdout).toContain(escape);
    expect((await run(['check', TRUNCATED], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(escape);
    expect((await run(['check', TRUNCATED], { isTTY: false })).stdout).not.toContain(escape);
  });

  it('exits 2 for an unreadable file or bad flags, with one clear line', async () => {
    const missing = await run(['check', 'no/such/file.b64']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('samlint: cannot read `no/such/file.b64`: ENOENT\n');
    const badNow = await run(['check', CLEAN, '--now', 'yesterday']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now `yesterday` is not an ISO 8601 time');
    const badRegion = await run(['check', CLEAN, '--region', 'Europe']);
    expect(badRegion.code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('takes --now now from the clock it is given', async () => {
    const { code, stdout } = await run(['check', CLEAN, '--users', USERS, '--now', 'now']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('(--now)');
  });
});

describe('samlint decode', () => {
  it('prints indented XML on stdout and what it detected on stderr', async () => {
    const { code, stdout, stderr } = await run(['decode', CLEAN]);
    expect(code).toBe(0);
    expect(stderr).toContain('detected: form body with SAMLResponse and RelayState');
    expect(stdout).toMatch(/^<samlp:Response /);
    expect(stdout).toContain('\n    <saml:Issuer>');
    expect(stdout).toContain('jane.doe@example.com');
  });

  it('masks personal values with --redact', async () => {
    const { stdout, stderr } = await run(['decode', CLEAN, '--redact']);
    for (const personal of ['jane.doe@example.com', '00u1a2b3c4d5e6f7g8h9', '123456789012']) {
      expect(stdout).not.toContain(personal);
      expect(stderr).not.toContain(personal);
    }
    expect(stdout).toContain('[redacted NameID]');
    expect(stdout).toContain('[redacted RoleSessionName]');
  });

  it('exits 1 and explains when nothing can be decoded', async () => {
    const { code, stdout, stderr } = await run(['decode', '-'], { stdin: 'hello world' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('error[IN001]');
  });
});

describe('samlint explain and rules', () => {
  it('explains a rule by code or name', async () => {
    const byCode = await run(['explain', 'in002']);
    const byName = await run(['explain', 'base64-invalid']);
    expect(byCode.code).toBe(0);
    expect(byCode.stdout).toContain('# IN002: base64-invalid');
    expect(byCode.stdout).toContain('## How to fix');
    expect(byName.stdout).toBe(byCode.stdout);
  });

  it('exits 2 for an unknown rule', async () => {
    const { code, stderr } = await run(['explain', 'XYZ999']);
    expect(code).toBe(2);
    expect(stderr).toContain('no rule `XYZ999`');
  });

  it('lists every rule, as text and as JSON', async () => {
    const text = await run(['rules']);
    expect(text.stdout.trim().split('\n')).toHaveLength(RULES.length);
    const json = JSON.parse((await run(['rules', '--format', 'json'])).stdout);
    expect(json.map((r: { code: string }) => r.code)).toEqual(RULES.map((r) => r.meta.code));
    expect(json[0]).toHaveProperty('docsUrl');
  });
});

describe('samlint decode --raw', () => {
  it('prints the XML exactly as decoded, so finding spans line up', async () => {
    const { stdout } = await run(['decode', 'test-vectors/clean/clean-signed-both.xml', '--raw']);
    const { io } = memoryIo();
    expect(stdout).toBe(io.readFile('test-vectors/clean/clean-signed-both.xml'));
  });
});

describe('samlint decode --decryption-key', () => {
  const ENCRYPTED = 'test-vectors/encrypted/encrypted-plus-in-user-name.xml';
  const KEY = 'test-vectors/keys/sp.key';

  /** The text a 1-based span covers, line by line. */
  function textAt(text: string, span: { line: number; column: number; endLine: number; endColumn: number }): string {
    const lines = text.split('\n').slice(span.line - 1, span.endLine);
    if (lines.length === 1) return (lines[0] as string).slice(span.column - 1, span.endColumn - 1);
    lines[0] = (lines[0] as string).slice(span.column - 1);
    lines[lines.length - 1] = (lines[lines.length - 1] as string).slice(0, span.endColumn - 1);
    return lines.join('\n');
  }

  it('prints the decrypted assertion, in which `check`’s `decrypted` positions point at what the finding names', async () => {
    const checked = await run(['check', ENCRYPTED, '--decryption-key', KEY, '--users', USERS, '--now', NOW, '--format', 'json']);
    const inDecrypted = JSON.parse(checked.stdout).files[0].findings.filter(
      (f: { location?: { artifact: string } }) => f.location?.artifact === 'decrypted',
    );
    expect(inDecrypted.map((f: { code: string }) => f.code)).toEqual(['CX001', 'CX003']);
    const { code, stdout, stderr } = await run(['decode', ENCRYPTED, '--decryption-key', KEY, '--raw']);
    expect(code).toBe(0);
    expect(stderr).toContain('stdout shows the decrypted Assertion as decrypted: the lines and columns of `decrypted LINE:COL` findings');
    expect(stdout).toMatch(/^<saml:Assertion /);
    for (const finding of inDecrypted) expect(textAt(stdout, finding.location.span)).toBe('jane.doe+agent@example.com');
  });

  it('indents the decrypted assertion unless --raw, and masks it with --redact', async () => {
    const { stdout, stderr } = await run(['decode', ENCRYPTED, '--decryption-key', KEY, '--redact']);
    expect(stderr).toContain('stdout shows the decrypted Assertion indented (with --raw, as decrypted, where `decrypted LINE:COL` findings line up)');
    expect(stdout).toMatch(/^<saml:Assertion [^\n]*>\n  <saml:Issuer>/);
    expect(stdout).toContain('<saml:AttributeValue xsi:type="xs:string">[redacted RoleSessionName]</saml:AttributeValue>');
    expect(stdout).not.toContain('jane.doe');
    expect(stdout).not.toContain('123456789012');
  });

  it('exits 1, says why and prints the response when the key does not decrypt it', async () => {
    const { code, stdout, stderr } = await run(['decode', ENCRYPTED, '--decryption-key', 'test-vectors/keys/idp.key']);
    expect(code).toBe(1);
    expect(stderr).toContain('error[IN011]: ');
    expect(stdout).toMatch(/^<samlp:Response /);
    expect(stdout).toContain('<saml:EncryptedAssertion>');
  });

  it('says when there is nothing to decrypt, and prints the response', async () => {
    const { code, stdout, stderr } = await run(['decode', 'test-vectors/clean/clean-signed-both.xml', '--decryption-key', KEY]);
    expect(code).toBe(0);
    expect(stderr).toContain('decrypted: nothing, the response holds no single EncryptedAssertion to decrypt');
    expect(stdout).toMatch(/^<samlp:Response /);
  });
});

describe('signatures, decryption and the generic profile from the command line', () => {
  const SIGNED = 'test-vectors/clean/clean-signed-both.xml';

  it('verifies against --metadata and says with what', async () => {
    const { code, stdout } = await run(['check', SIGNED, '--metadata', 'test-vectors/metadata/idp-metadata.xml', '--format', 'json']);
    const [file] = JSON.parse(stdout).files;
    expect(code).toBe(0);
    expect(file.signatures).toMatch(/^Response and Assertion signed, verified with metadata \(SHA-256 /);
    expect(file.inferred).toContainEqual({ what: 'issuer', value: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9', from: 'the metadata entityID' });
  });

  it('names a rotated certificate when --cert is another key', async () => {
    const { code, stdout } = await run(['check', SIGNED, '--cert', 'test-vectors/keys/rotated.crt', '--format', 'json']);
    const codes = JSON.parse(stdout).files[0].findings.map((f: { code: string }) => f.code);
    expect(code).toBe(1);
    expect(codes).toContain('SIG006');
  });

  it('decrypts with --decryption-key', async () => {
    const vector = 'test-vectors/encrypted/encrypted-plus-in-user-name.xml';
    const without = JSON.parse((await run(['check', vector, '--format', 'json'])).stdout).files[0];
    const withKey = JSON.parse((await run(['check', vector, '--decryption-key', 'test-vectors/keys/sp.key', '--format', 'json'])).stdout).files[0];
    expect(without.findings.map((f: { code: string }) => f.code)).toEqual(['SAML006']);
    const cx001 = withKey.findings.find((f: { code: string }) => f.code === 'CX001');
    expect(cx001.location.artifact).toBe('decrypted');
  });

  it('checks any SP with --profile generic, and leaves the AWS rules out', async () => {
    const args = ['check', SIGNED, '--profile', 'generic', '--audience', 'https://sp.example.com', '--acs', 'https://sp.example.com/acs', '--format', 'json'];
    const codes = JSON.parse((await run(args)).stdout).files[0].findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['SAML018', 'SAML019', 'SAML020']));
    expect(codes.some((c: string) => c.startsWith('AWS') || c.startsWith('CX'))).toBe(false);
  });

  it('prints secondary locations under a finding', async () => {
    const { stdout } = await run(['check', 'test-vectors/sig/xsw3-evil-assertion-before.xml', '--cert', 'test-vectors/keys/idp.crt']);
    expect(stdout).toMatch(/SIG011 signature-wrapping\n(.*\n)*\s+xml \d+:\d+: the element the signature covers/);
  });
});
