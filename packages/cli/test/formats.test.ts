import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText, lint, lintFile, type Finding } from '@samlint/core';
import { MANIFEST, loadVector, type VectorEntry } from '../../../test-vectors/manifest.js';
import { formatGcc } from '../src/format/gcc.js';
import { formatGithub } from '../src/format/github.js';
import { fileLocation } from '../src/format/locations.js';
import type { FileResult } from '../src/format/types.js';
import { InputError, diskIo } from '../src/io.js';
import { main } from '../src/main.js';
import { ROOT, memoryIo } from './memory-io.js';
import { vectorArgs } from './vector-args.js';

/** One vector per family (the first segment of its path), chosen for what it shows: raw XML, base64, HAR, context files, labels. */
const REPRESENTATIVES: Record<string, string> = {
  'idp-config': 'idp-config/okta/connect-defects.json',
  aws: 'aws/principal-tag-case-duplicate.xml',
  bench: 'bench/bench-1mb.b64',
  capture: 'capture/saml-tracer-removed-no-saml-field.json',
  clean: 'clean/clean-form-body.txt',
  cx: 'cx/destination-http.xml',
  encrypted: 'encrypted/encrypted-wrong-key.xml',
  generic: 'generic/recipient-other-acs.xml',
  iam: 'iam/trust-policy-trailing-comma.xml',
  md: 'md/metadata-expired.xml',
  saml: 'saml/destination-global-recipient-regional.xml',
  samples: 'samples/browser-export.har',
  sig: 'sig/response-unsigned.xml',
  xml: 'xml/not-well-formed.xml',
  xsd: 'xsd/issue-14-example.xml',
};
const GCC_LINE = /^(?<file>[^\n]+?):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|note): (?<message>.+) \[(?<code>[A-Z]+\d{3})\]$/;
const WARNING_AND_INFO = vectorArgs(vector('cx/destination-http.xml'));
const ERRORS_AND_WARNINGS = ['test-vectors/samples/agent-access-denied.txt', '--users', 'test-vectors/users/connect-users.csv'];

function vector(file: string): VectorEntry {
  const found = MANIFEST.find((entry) => entry.file === file);
  if (!found) throw new Error(`no vector ${file}`);
  return found;
}

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const { io, captured } = memoryIo(options);
  const code = await main(args, io);
  return { code, ...captured };
}

/** The JSON report with the version left out, so a release changes no snapshot. */
function unversioned(json: string): string {
  const output = JSON.parse(json);
  output.tool.version = '<version>';
  return `${JSON.stringify(output, null, 2)}\n`;
}

describe('format snapshots, one vector per family', () => {
  it('has a representative for every family of vectors', () => {
    const families = new Set(MANIFEST.map((entry) => entry.file.split('/')[0]));
    expect([...families].sort()).toEqual(Object.keys(REPRESENTATIVES).sort());
  });

  for (const [family, file] of Object.entries(REPRESENTATIVES)) {
    it.each(['stylish', 'github', 'gcc', 'json'])(`${family} (${file}) as %s`, async (format) => {
      const { stdout, stderr } = await run(['check', ...vectorArgs(vector(file)), '--format', format]);
      expect(stderr).toBe('');
      expect(stdout).not.toContain(ROOT);
      expect(format === 'json' ? unversioned(stdout) : stdout).toMatchSnapshot();
    });
  }
});

describe('--format gcc', () => {
  it('prints one gcc-style line per finding, on every vector', { timeout: 120_000 }, async () => {
    for (const entry of MANIFEST) {
      const { code, stdout } = await run(['check', ...vectorArgs(entry), '--format', 'gcc']);
      const lines = stdout.split('\n').slice(0, -1).map((line) => {
        const match = GCC_LINE.exec(line);
        expect(match, line).not.toBeNull();
        return match?.groups ?? {};
      });
      // The vector's exact codes, each at least once: no finding lost, none split over lines.
      expect([...new Set(lines.map((l) => l.code))].sort(), entry.file).toEqual([...entry.expect].sort());
      expect(code, entry.file).toBe(lines.some((l) => l.severity === 'error') ? 1 : 0);
    }
  });

  it('prints a line for each finding the JSON lists, in its order and severity', { timeout: 60_000 }, async () => {
    for (const file of Object.values(REPRESENTATIVES)) {
      const args = ['check', ...vectorArgs(vector(file))];
      const [gcc, json] = await Promise.all([run([...args, '--format', 'gcc']), run([...args, '--format', 'json'])]);
      const findings: Finding[] = JSON.parse(json.stdout).files.flatMap((f: { findings: Finding[] }) => f.findings);
      const severity = { error: 'error', warning: 'warning', info: 'note' };
      expect(gcc.stdout.split('\n').slice(0, -1).map((line) => GCC_LINE.exec(line)?.groups?.code), file).toEqual(findings.map((f) => f.code));
      expect(gcc.stdout.split('\n').slice(0, -1).map((line) => GCC_LINE.exec(line)?.groups?.severity), file).toEqual(findings.map((f) => severity[f.severity]));
    }
  });

  it('points a decoded-XML finding of a form body at the SAMLResponse value, and says where it is in the XML', async () => {
    const [file, ...context] = ERRORS_AND_WARNINGS;
    const { stdout } = await run(['check', file as string, ...context, '--format', 'gcc']);
    const text = readFileSync(join(ROOT, file as string), 'utf8');
    const line = stdout.split('\n').find((l) => l.endsWith('[CX003]')) ?? '';
    expect(text.startsWith('SAMLResponse=')).toBe(true);
    expect(line).toMatch(/^test-vectors\/samples\/agent-access-denied\.txt:1:14: error: .* \(decoded XML \d+:\d+\) \[CX003\]$/);
  });

  it('maps raw XML findings into the file, past leading blank lines and spaces', async () => {
    const file = 'test-vectors/cx/region-mismatch.xml';
    const xml = readFileSync(join(ROOT, file), 'utf8');
    const json = JSON.parse((await run(['check', file, '--format', 'json'])).stdout);
    const { stdout } = await run(['check', 'padded.xml', '--format', 'gcc'], { files: { 'padded.xml': `\n\n   ${xml}` } });
    const expected = json.files[0].findings.map((f: Finding) => {
      const span = f.location?.span ?? { line: 1, column: 1 };
      return span.line === 1 ? `padded.xml:3:${span.column + 3}:` : `padded.xml:${span.line + 2}:${span.column}:`;
    });
    expect(stdout.split('\n').slice(0, -1).map((l) => /^\S+?:\d+:\d+:/.exec(l)?.[0])).toEqual(expected);
    expect(stdout).not.toContain('decoded XML');
  });

  it('names standard input <stdin>, and a context file by its own path', async () => {
    const stdin = readFileSync(join(ROOT, 'test-vectors/capture/truncated.b64'), 'utf8');
    expect((await run(['check', '-', '--format', 'gcc'], { stdin })).stdout).toMatch(/^<stdin>:1:1: error: .* \[IN003\]$/m);
    const policy = 'test-vectors/policies/trust-trailing-comma.json';
    const { stdout } = await run(['check', ...vectorArgs(vector('iam/trust-policy-trailing-comma.xml')), '--format', 'gcc']);
    expect(stdout).toMatch(new RegExp(`^${policy.replace(/\./g, '\\.')}:\\d+:\\d+: error: .* \\[IAM001\\]$`, 'm'));
  });
});

describe('file locations', () => {
  const result = (origin?: { span: { line: number; column: number; endLine: number; endColumn: number }; verbatim: boolean }): FileResult => ({
    source: 'in.xml',
    files: { input: 'in.xml' },
    result: { detected: 'raw XML', findings: [], unchecked: [], stages: lint('<x/>').stages, inferred: [], ...(origin ? { origin } : {}) },
  });

  it('shifts the first line of raw XML by its column in the file, and later lines by its line only', () => {
    const file = result({ span: { line: 3, column: 4, endLine: 9, endColumn: 2 }, verbatim: true });
    expect(fileLocation(file, { artifact: 'xml', span: { line: 1, column: 5, endLine: 2, endColumn: 7 } })).toEqual({
      path: 'in.xml',
      span: { line: 3, column: 8, endLine: 4, endColumn: 7 },
    });
  });

  it('puts every raw-XML finding of every vector on the same characters in the file as in the XML', { timeout: 120_000 }, () => {
    for (const entry of MANIFEST) {
      const { text, options } = loadVector(entry);
      for (const linted of lintFile(text, options)) {
        if (!linted.origin?.verbatim || linted.xml === undefined) continue;
        const file: FileResult = { source: entry.file, files: { input: entry.file }, result: linted };
        const [input, xml] = [new SourceText(text), new SourceText(linted.xml)];
        for (const finding of linted.findings.filter((f) => f.location?.artifact === 'xml')) {
          const { span } = finding.location ?? {};
          const mapped = fileLocation(file, finding.location).span;
          if (!span || !mapped) throw new Error(`${entry.file}: ${finding.code} has no span`);
          const inXml = xml.text.slice(xml.offsetOf(span.line, span.column), xml.offsetOf(span.endLine, span.endColumn));
          const inFile = input.text.slice(input.offsetOf(mapped.line, mapped.column), input.offsetOf(mapped.endLine, mapped.endColumn));
          expect(inFile, `${entry.file} ${finding.code}`).toBe(inXml);
        }
      }
    }
  });

  it('points text that is no file at the input, saying where it is and in which login', () => {
    const value = { line: 1, column: 14, endLine: 1, endColumn: 900 };
    const file: FileResult = { ...result({ span: value, verbatim: false }), result: { ...result().result, entry: { index: 2, label: 'entry 2' } } };
    file.result.origin = { span: value, verbatim: false };
    const span = { line: 7, column: 3, endLine: 7, endColumn: 9 };
    expect(fileLocation(file, { artifact: 'xml', span })).toEqual({ path: 'in.xml', span: value, decoded: 'decoded XML 7:3 of entry 2' });
    expect(fileLocation(file, { artifact: 'relay-state', span })).toEqual({ path: 'in.xml', span: undefined, decoded: 'relay state 7:3 of entry 2' });
    expect(fileLocation(file, { artifact: 'users', span })).toEqual({ path: 'in.xml', decoded: 'users 7:3 of entry 2' });
    expect(fileLocation({ ...file, files: { users: 'u.csv' } }, { artifact: 'users', span })).toEqual({ path: 'u.csv', span });
    expect(fileLocation({ ...file, files: {} }, undefined)).toEqual({ path: undefined });
  });
});

describe('--format github', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    code: 'CX007',
    name: 'destination-not-url-encoded',
    severity: 'warning',
    message: 'm',
    help: 'h',
    docsUrl: 'https://example.com/CX007.md',
    facts: [],
    ...over,
  });
  const file = (findings: Finding[], input?: string): FileResult => ({
    source: input ?? '<stdin>',
    files: input ? { input } : {},
    result: { detected: 'raw XML', findings, unchecked: [], stages: lint('<x/>').stages, inferred: [] },
  });

  it('escapes data and properties as the Actions toolkit does', () => {
    const message = 'value `100%` has\r\na line break';
    const output = formatGithub([file([finding({ message, location: { artifact: 'input', span: { line: 2, column: 3, endLine: 2, endColumn: 5 } } })], 'odd:name,1.xml')], '/repo');
    expect(output).toBe(
      '::warning file=odd%3Aname%2C1.xml,line=2,col=3,endLine=2,endColumn=5,title=CX007 destination-not-url-encoded::' +
        'value `100%25` has%0D%0Aa line break%0Ahelp: h%0Ahttps://example.com/CX007.md\n',
    );
    expect(output.split('\n')).toHaveLength(2);
  });

  it('maps severities to error, warning and notice, and gives columns only on one line', () => {
    const span = { line: 2, column: 3, endLine: 4, endColumn: 5 };
    const lines = formatGithub(
      [file([finding({ severity: 'error', location: { artifact: 'input', span } }), finding({ severity: 'info' }), finding({})], 'a.xml')],
      '/repo',
    ).split('\n');
    expect(lines[0]).toMatch(/^::error file=a\.xml,line=2,endLine=4,title=/);
    expect(lines[1]).toMatch(/^::notice file=a\.xml,title=/);
    expect(lines[2]).toMatch(/^::warning file=a\.xml,title=/);
  });

  it('annotates standard input with no file, and decoded XML of base64 on the lines of the value, saying where', async () => {
    const stdin = readFileSync(join(ROOT, 'test-vectors/capture/truncated.b64'), 'utf8');
    const piped = (await run(['check', '-', '--format', 'github'], { stdin })).stdout;
    expect(piped).toMatch(/^::error title=IN003 response-truncated::/m);
    const { stdout, code } = await run(['check', 'test-vectors/capture/truncated.b64', '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=test-vectors\/capture\/truncated\.b64,line=1,endLine=1,title=XML001 not-well-formed::[^\n]* \(decoded XML \d+:\d+\)%0Ahelp: /m);
  });

  it('names config files by their path relative to the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samlint-github-'));
    writeFileSync(join(dir, 'trust.json'), readFileSync(join(ROOT, 'test-vectors/policies/trust-trailing-comma.json')));
    writeFileSync(join(dir, 'samlint.config.json'), JSON.stringify({ trustPolicy: 'trust.json' }));
    writeFileSync(join(dir, 'response.xml'), readFileSync(join(ROOT, 'test-vectors/iam/trust-policy-trailing-comma.xml')));
    const { stdout } = await run(['check', 'response.xml', '--format', 'github'], { cwd: dir });
    expect(stdout).toMatch(/^::error file=trust\.json,line=\d+,/m);
    expect(stdout).not.toContain(dir);
  });
});

describe('check flags', () => {
  it('--max-warnings: exit 1 over the limit (infos never count), --exit-zero still exits 0', async () => {
    expect((await run(['check', ...WARNING_AND_INFO])).code).toBe(0);
    expect((await run(['check', ...WARNING_AND_INFO, '--max-warnings', '1'])).code).toBe(0);
    const over = await run(['check', ...WARNING_AND_INFO, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('samlint: 1 warnings, more than --max-warnings 0\n');
    expect((await run(['check', ...WARNING_AND_INFO, '--max-warnings', '0', '--exit-zero'])).code).toBe(0);
    expect((await run(['check', ...ERRORS_AND_WARNINGS, '--max-warnings', '10'])).code).toBe(1);
  });

  it('--max-warnings takes a whole number, 0 or more', async () => {
    for (const bad of ['-1', '1.5', 'many']) {
      const { code, stderr } = await run(['check', ...WARNING_AND_INFO, '--max-warnings', bad]);
      expect(code, bad).toBe(2);
      expect(stderr, bad).toBe('samlint: --max-warnings takes a whole number of warnings, 0 or more\n');
    }
  });

  it('--quiet reports errors only: warnings and infos are neither shown nor counted, nor held against --max-warnings', async () => {
    const quiet = await run(['check', ...WARNING_AND_INFO, '--quiet', '--max-warnings', '0', '--format', 'json']);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).files[0]).toMatchObject({ findings: [], counts: { error: 0, warning: 0, info: 0 } });
    const errors = await run(['check', ...ERRORS_AND_WARNINGS, '--quiet']);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 info)');
    expect(errors.stdout).not.toMatch(/warning {2}/);
    expect((await run(['check', ...ERRORS_AND_WARNINGS, '--quiet', '--exit-zero'])).code).toBe(0);
  });

  it('--output-file writes the report there, uncoloured, and nothing to stdout; the exit code is unchanged', async () => {
    const printed = await run(['check', ...ERRORS_AND_WARNINGS, '--format', 'gcc']);
    const written = await run(['check', ...ERRORS_AND_WARNINGS, '--format', 'gcc', '--output-file', 'reports/samlint.txt']);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(written.written).toEqual({ 'reports/samlint.txt': printed.stdout });
    const coloured = await run(['check', ...ERRORS_AND_WARNINGS, '-o', 'out.txt'], { env: { FORCE_COLOR: '1' } });
    expect(coloured.written['out.txt']).toContain('✖ 3 problems');
    expect(coloured.written['out.txt']).not.toContain('\u001b[');
  });

  it('--output-file that cannot be written: exit 2 with the reason', async () => {
    const { io, captured } = memoryIo();
    io.writeFile = (path) => {
      throw new InputError(`cannot write \`${path}\`: EACCES`);
    };
    expect(await main(['check', ...WARNING_AND_INFO, '--output-file', 'report.txt'], io)).toBe(2);
    expect(captured.stderr).toBe('samlint: cannot write `report.txt`: EACCES\n');
    expect(captured.stdout).toBe('');
  });

  it('writes files on disk with their directories, and fails on a path under a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samlint-output-'));
    const disk = diskIo(dir);
    disk.writeFile('ci/reports/samlint.sarif', 'report\n');
    expect(readFileSync(join(dir, 'ci/reports/samlint.sarif'), 'utf8')).toBe('report\n');
    expect(() => disk.writeFile('ci/reports/samlint.sarif/x', 'y')).toThrow(InputError);
    expect(() => disk.writeFile('ci/reports/samlint.sarif/x', 'y')).toThrow(/^cannot write `ci\/reports\/samlint\.sarif\/x`: E[A-Z]+$/);
  });

  it('documents the exit codes in --help', async () => {
    const { stdout } = await run(['check', '--help']);
    expect(stdout).toMatch(/Exit codes: 0 .*1 .*--max-warnings.*2 /s);
    expect(stdout).toContain('--exit-zero');
  });
});
