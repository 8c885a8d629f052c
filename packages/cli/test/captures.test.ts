import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const TWO_LOGINS = 'test-vectors/capture/har-two-logins.har';
const CLEAN_HAR = 'test-vectors/clean/clean-har.har';
const USERS = 'test-vectors/users/connect-users.csv';

async function run(args: string[]) {
  const { io, captured } = memoryIo();
  const code = await main(args, io);
  return { code, ...captured };
}

describe('samlint check on HAR files and SAML-tracer exports', () => {
  it('reports each login of a HAR file under its entry', async () => {
    const { code, stdout } = await run(['check', TWO_LOGINS]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${TWO_LOGINS} entry 2: POST https://eu-west-2.signin.aws.amazon.com/saml\n`);
    expect(stdout).toContain(`${TWO_LOGINS} entry 5: POST https://eu-west-2.signin.aws.amazon.com/saml\n`);
    // The second login's RoleSessionName has a `+`: its finding follows its own heading.
    expect(stdout.slice(stdout.indexOf('entry 5:'))).toContain('CX001 user-name-charset');
    expect(stdout.slice(stdout.indexOf('entry 2:'), stdout.indexOf('entry 5:'))).not.toContain('CX001');
  });

  it('names the entry of each result in JSON, and keeps the source', async () => {
    const { stdout } = await run(['check', TWO_LOGINS, '--format', 'json']);
    const output = JSON.parse(stdout);
    expect(output.files.map((f: { source: string }) => f.source)).toEqual([TWO_LOGINS, TWO_LOGINS]);
    expect(output.files.map((f: { entry: unknown }) => f.entry)).toEqual([
      { index: 2, label: 'entry 2: POST https://eu-west-2.signin.aws.amazon.com/saml' },
      { index: 5, label: 'entry 5: POST https://eu-west-2.signin.aws.amazon.com/saml' },
    ]);
    expect(output.files[1].findings.map((f: { code: string }) => f.code)).toEqual(['CX001']);
    expect(output.summary).toMatchObject({ files: 1, filesWithErrors: 1 });
  });

  it('takes the time from the HAR file’s Date header when --now is not given', async () => {
    const { code, stdout } = await run(['check', CLEAN_HAR, '--users', USERS]);
    expect(code).toBe(0);
    expect(stdout).toContain('inferred: now 2026-11-27T09:00:30.000Z from the `Date` header of the response to entry 2');
    expect(stdout).not.toContain('(--now)');
  });

  it('points input findings into the file', async () => {
    const vector = 'test-vectors/capture/har-post-data-missing.har';
    const { stdout } = await run(['check', vector, '--format', 'json']);
    const [file] = JSON.parse(stdout).files;
    // IN013 marks the URL of the POST whose body is missing.
    const lines = memoryIo().io.readFile(vector).split('\n');
    const line = lines.findIndex((l) => l.includes('"url": "https://eu-west-2.signin.aws.amazon.com/saml"')) + 1;
    const column = (lines[line - 1] as string).indexOf('https://') + 1;
    expect(file.findings[0]).toMatchObject({ code: 'IN013', location: { artifact: 'input', span: { line, column } } });
  });
});
