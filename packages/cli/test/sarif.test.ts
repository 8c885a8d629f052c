import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRule, lint, type Finding, type Rule } from '@samlint/core';
import type { Log, Region, Result } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST, type VectorEntry } from '../../../test-vectors/manifest.js';
import { readRulePage } from '../src/docs.js';
import { formatSarif } from '../src/format/sarif.js';
import type { FileResult } from '../src/format/types.js';
import { main } from '../src/main.js';
import { VERSION } from '../src/version.js';
import { memoryIo, ROOT } from './memory-io.js';
import { vectorArgs } from './vector-args.js';

async function check(args: string[], files?: Record<string, string>, stdin?: string) {
  const { io, captured } = memoryIo({ files, stdin });
  const code = await main(['check', ...args], io);
  return { code, ...captured };
}

async function sarif(args: string[], files?: Record<string, string>, stdin?: string) {
  const run = await check([...args, '--format', 'sarif'], files, stdin);
  return { ...run, log: JSON.parse(run.stdout) as Log };
}

/** The findings of the same run in the JSON format, in the order SARIF lists its results. */
async function findings(args: string[]): Promise<Finding[]> {
  const { stdout } = await check([...args, '--format', 'json']);
  return (JSON.parse(stdout).files as Array<{ findings: Finding[] }>).flatMap((file) => file.findings);
}

const family = (vector: VectorEntry) => vector.file.split('/')[0] as string;
const runOf = (log: Log) => log.runs[0] as NonNullable<Log['runs'][0]>;
const physical = (result: Result) => result.locations?.[0]?.physicalLocation;

/** The text a 1-based region with an exclusive end column covers in a file (lines split as SourceText does). */
function textAt(path: string, region: Region): string {
  const lines = readFileSync(join(ROOT, path), 'utf8').split(/\r\n|\r|\n/);
  const start = region.startLine as number;
  const end = region.endLine ?? start;
  const picked = lines.slice(start - 1, end);
  picked[picked.length - 1] = (picked[picked.length - 1] as string).slice(0, (region.endColumn ?? Infinity) - 1);
  picked[0] = (picked[0] as string).slice((region.startColumn ?? 1) - 1);
  return picked.join('\n');
}

const multitool: string = createRequire(join(ROOT, 'package.json'))('@microsoft/sarif-multitool');

/** Runs the SARIF Multitool's `validate` (schema and SARIF rules, plus GitHub's ingestion rules) over a directory. */
function validate(dir: string): Promise<{ status: number | null; stdout: string; log: Log }> {
  const output = join(dir, 'validation.json');
  const args = ['validate', join(dir, '*.sarif'), '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning'];
  return new Promise((resolve, reject) => {
    // Invariant globalization: .NET then needs no libicu on the machine.
    const child = spawn(multitool, args, { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, log: JSON.parse(readFileSync(output, 'utf8')) }));
  });
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

describe('samlint check --format sarif', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samlint-sarif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const outputs = new Map<VectorEntry, Awaited<ReturnType<typeof check>>>();
  beforeAll(async () => {
    for (const vector of MANIFEST) outputs.set(vector, await check([...vectorArgs(vector), '--format', 'sarif']));
  }, 120_000);

  it('passes the SARIF Multitool’s validation, GitHub’s rules included, on every vector', { timeout: 300_000 }, async () => {
    // The vectors' runs, verbatim, in logs of up to 20 runs (GitHub's limit per upload): the validator
    // takes the better part of a second per file, so one file per vector would take minutes.
    const files = new Map<string, VectorEntry[]>();
    const runs: Log['runs'] = [];
    for (const [vector, { code, stderr, stdout }] of outputs) {
      expect([0, 1], vector.file).toContain(code);
      expect(stderr, vector.file).toBe('');
      const { runs: own, ...envelope } = JSON.parse(stdout) as Log;
      expect(envelope, vector.file).toEqual({ $schema: SCHEMA, version: '2.1.0' });
      expect(own, vector.file).toHaveLength(1);
      runs.push(...own);
    }
    const vectors = [...outputs.keys()];
    for (let start = 0; start < runs.length; start += 20) {
      const name = `vectors-${start / 20}`;
      files.set(name, vectors.slice(start, start + 20));
      writeFileSync(join(dir, `${name}.sarif`), JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: runs.slice(start, start + 20) }, null, 2));
    }
    // The log of a run that failed, and one the validator must reject, so a validator that checks nothing cannot pass.
    writeFileSync(join(dir, 'failure.sarif'), (await check(['missing.b64', '--format', 'sarif'])).stdout);
    writeFileSync(join(dir, 'canary.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] }));
    const { status, stdout, log } = await validate(dir);
    expect(status, stdout).toBe(0);
    expect(stdout).toContain(`Done. ${files.size + 2} files scanned.`);
    // Each problem as `vector: level rule path`, the vector found from the file and the run's index in it.
    const problems = (runOf(log).results ?? []).map((r) => {
      const name = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.split('/').pop()?.replace(/\.sarif$/, '') as string;
      const where = String(r.message.arguments?.[0]);
      const index = Number(/^runs\[(\d+)\]/.exec(where)?.[1]);
      return `${files.get(name)?.[index]?.file ?? name}: ${r.level} ${r.ruleId} ${where}`;
    });
    expect(problems).toContain('canary: error JSON1002 runs[0].tool.driver');
    expect(problems.filter((p) => !p.startsWith('canary: '))).toEqual([]);
  });

  it('lists exactly the rules that fired, at their default level, and results that index them', () => {
    for (const [vector, { stdout }] of outputs) {
      const run = runOf(JSON.parse(stdout) as Log);
      const rules = run.tool.driver.rules ?? [];
      expect(rules.map((r) => r.id), vector.file).toEqual([...vector.expect].sort());
      for (const rule of rules) expect(rule.defaultConfiguration?.level).toBe(LEVEL[(findRule(rule.id) as Rule).meta.severity]);
      expect(run.invocations, vector.file).toEqual([{ executionSuccessful: true }]);
      for (const result of run.results ?? []) {
        expect(rules[result.ruleIndex as number]?.id, vector.file).toBe(result.ruleId);
        // Relative to the working directory (the repository root here), under %SRCROOT%, naming a file that is there.
        const uri = physical(result)?.artifactLocation;
        expect(uri?.uriBaseId, vector.file).toBe('%SRCROOT%');
        expect(uri?.uri, vector.file).toMatch(/^test-vectors\/[\w./-]+$/);
        expect(() => readFileSync(join(ROOT, uri?.uri as string)), vector.file).not.toThrow();
        expect(physical(result)?.region?.startLine, vector.file).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('gives each result its finding’s level, rule, message and help', async () => {
    const args = vectorArgs(MANIFEST.find((v) => v.file === 'samples/browser-export.har') as VectorEntry);
    const { log } = await sarif(args);
    const expected = await findings(args);
    const results = runOf(log).results ?? [];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual(
      expected.map((f) => [f.code, LEVEL[f.severity]]),
    );
    results.forEach((result, i) => {
      const finding = expected[i] as Finding;
      expect(result.message.text?.split('\n')[0]).toMatch(new RegExp(`^${finding.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(result.message.text).toContain(`\nhelp: ${finding.help}`);
      expect(result.properties).toMatchObject({ help: finding.help, facts: finding.facts, entry: { index: 2 } });
    });
    for (const rule of runOf(log).tool.driver.rules ?? []) {
      const meta = findRule(rule.id)?.meta;
      const page = readRulePage(rule.id) as string;
      expect(rule).toMatchObject({ name: meta?.name, shortDescription: { text: meta?.summary }, helpUri: expect.stringMatching(new RegExp(`/docs/rules/${rule.id}\\.md$`)) });
      // The page, without its title (code scanning shows id and name) or the examples' test options.
      const body = (text: string) => text.split('\n').filter((line) => !/^# |^<!-- options/.test(line)).join('\n').trim();
      expect(rule.help?.markdown).not.toMatch(/^# |<!-- options/m);
      expect(body(rule.help?.markdown as string)).toBe(body(page));
      expect(rule.help?.text).toBe(rule.help?.markdown);
      expect(rule.fullDescription?.markdown && page.includes(rule.fullDescription.markdown)).toBe(true);
    }
  });

  it('points a HAR login’s findings at its SAMLResponse and RelayState values in the .har file', async () => {
    const har = 'test-vectors/samples/browser-export.har';
    const { log } = await sarif(vectorArgs(MANIFEST.find((v) => v.file === 'samples/browser-export.har') as VectorEntry));
    const results = runOf(log).results ?? [];
    const inHar = results.filter((r) => physical(r)?.artifactLocation?.uri === har);
    const decoded = inHar.find((r) => r.ruleId === 'CX003') as Result;
    const value = textAt(har, physical(decoded)?.region as Region);
    // The region is the login's base64 SAMLResponse (URL-encoded in the form body), nothing around it.
    expect(value).toMatch(/^[A-Za-z0-9%]{1000,}$/);
    expect(Buffer.from(decodeURIComponent(value), 'base64').toString('utf8')).toContain('<samlp:Response ');
    expect(decoded.message.text?.split('\n')[0]).toMatch(/ \(decoded XML \d+:\d+ of entry 2\)$/);
    expect(decoded.properties?.decodedLocation).toMatchObject({ artifact: 'xml', region: { startLine: expect.any(Number) } });
    const relay = inHar.find((r) => r.ruleId === 'CX007') as Result;
    expect(textAt(har, physical(relay)?.region as Region)).toMatch(/^https%3A%2F%2F.*destination%3D%2Fagent-app-v2/);
  });

  it('points a policy finding into the policy file', async () => {
    const vector = MANIFEST.find((v) => v.file === 'samples/browser-export.har') as VectorEntry;
    const { log } = await sarif(vectorArgs(vector));
    const result = (runOf(log).results ?? []).find((r) => r.ruleId === 'IAM010') as Result;
    const location = physical(result);
    expect(location?.artifactLocation).toEqual({ uri: `test-vectors/${vector.options.permissionPolicy}`, uriBaseId: '%SRCROOT%' });
    expect(textAt(location?.artifactLocation?.uri as string, location?.region as Region)).toMatch(/^"arn:aws:connect:eu-west-2:\d{12}:instance\//);
    expect(result.properties?.decodedLocation).toBeUndefined();
  });

  it('maps raw XML into the file wherever the XML starts, and keeps fingerprints when lines move', async () => {
    const file = 'test-vectors/saml/assertion-id-missing.xml';
    const xml = readFileSync(join(ROOT, file), 'utf8');
    const plain = runOf((await sarif([file, '--no-config'])).log).results ?? [];
    // The same file with two lines and three spaces before its XML.
    const moved = runOf((await sarif([file, '--no-config'], { [file]: `\n\n   ${xml}` })).log).results ?? [];
    expect(plain.length).toBeGreaterThan(0);
    expect(moved.map((r) => r.ruleId)).toEqual(plain.map((r) => r.ruleId));
    plain.forEach((result, i) => {
      const before = physical(result)?.region as Region;
      const after = physical(moved[i] as Result)?.region as Region;
      expect(after.startLine).toBe((before.startLine as number) + 2);
      expect(after.startColumn).toBe(before.startLine === 1 ? (before.startColumn as number) + 3 : before.startColumn);
      expect(result.properties?.decodedLocation).toBeUndefined();
      expect(moved[i]?.partialFingerprints).toEqual(result.partialFingerprints);
    });
    expect(textAt(file, physical(plain[0] as Result)?.region as Region)).toMatch(/^</);
  });

  it('keeps a fingerprint when only the numbers in its message change', async () => {
    const expired = (now: string) => sarif(['test-vectors/md/metadata-expired.xml', '--no-config', '--now', now]);
    const [today, tomorrow] = [runOf((await expired('2026-11-27T09:00:00Z')).log), runOf((await expired('2026-11-28T09:00:00Z')).log)];
    const md001 = (run: typeof today) => (run.results ?? []).find((r) => r.ruleId === 'MD001') as Result;
    expect(md001(today).message.text).not.toBe(md001(tomorrow).message.text);
    expect(md001(today).partialFingerprints).toEqual(md001(tomorrow).partialFingerprints);
  });

  it('keeps fingerprints when a message is reworded, and gives a finding about another value its own', () => {
    const xml = readFileSync(join(ROOT, 'test-vectors/cx/user-not-in-list.xml'), 'utf8');
    const users = readFileSync(join(ROOT, 'test-vectors/users/connect-users.csv'), 'utf8');
    const cx003 = findRule('CX003') as Rule;
    const messages = Object.fromEntries(
      Object.entries(cx003.meta.messages).map(([id, { message, help }]) => [id, { message: `in other words, ${message}`, help: `${help}, please` }]),
    );
    const reworded: Rule = { ...cx003, meta: { ...cx003.meta, messages } };
    const resultOf = (rule: Rule, userList: string) => {
      const file: FileResult = { source: 'a.xml', files: { input: 'a.xml' }, result: lint(xml, { users: userList }, [rule]) };
      const results = runOf(JSON.parse(formatSarif([file], ROOT)) as Log).results ?? [];
      expect(results).toHaveLength(1);
      return results[0] as Result;
    };
    const original = resultOf(cx003, users);
    expect(original.partialFingerprints?.['samlint/v2']).toMatch(/^[0-9a-f]{32}:1$/);
    const rewordedResult = resultOf(reworded, users);
    expect(rewordedResult.message.text).not.toBe(original.message.text);
    expect(rewordedResult.partialFingerprints).toEqual(original.partialFingerprints);
    // The closest Connect user is another one: the same message id, other data.
    const otherUser = resultOf(cx003, users.replace('raj.patel@example.com', 'raj.patel@example.org'));
    expect(otherUser.message.text).not.toBe(original.message.text);
    expect(otherUser.partialFingerprints).not.toEqual(original.partialFingerprints);
  });

  it('numbers fingerprints of a finding that recurs in a file, so each gets its own alert', () => {
    const finding = (line: number, account: string): Finding => ({
      code: 'AWS004',
      name: 'role-pair-account-mismatch',
      messageId: 'account',
      severity: 'error',
      message: `role and provider are in different accounts (\`${account}\`)`,
      help: 'use one account',
      docsUrl: 'https://example.com/AWS004.md',
      facts: [],
      location: { artifact: 'input', span: { line, column: 1, endLine: line, endColumn: 5 } },
      data: { account },
    });
    const file = (findings: Finding[]): FileResult => ({
      source: 'a.xml',
      files: { input: 'a.xml' },
      result: { detected: 'raw XML', findings, unchecked: [], stages: lint('<x/>').stages, inferred: [] },
    });
    const fingerprints = (findings: Finding[]) =>
      (runOf(JSON.parse(formatSarif([file(findings)], ROOT)) as Log).results ?? []).map((r) => r.partialFingerprints?.['samlint/v2']);
    const [first, second] = fingerprints([finding(3, '111111111111'), finding(9, '222222222222')]) as [string, string];
    expect(first).toMatch(/^[0-9a-f]{32}:1$/);
    expect(second).toBe(first.replace(/:1$/, ':2'));
    // Moved down the file, the same findings keep their fingerprints.
    expect(fingerprints([finding(13, '111111111111'), finding(19, '222222222222')])).toEqual([first, second]);
  });

  it('gives an empty results list for a clean capture, and names standard input `stdin`', async () => {
    const clean = await sarif(['test-vectors/clean/clean-form-body.txt', '--no-config', '--now', '2026-11-27T09:00:30Z']);
    expect(clean.code).toBe(0);
    expect(runOf(clean.log).results).toEqual([]);
    expect(runOf(clean.log).tool.driver.rules).toEqual([]);
    const piped = await sarif(['-', '--no-config'], undefined, readFileSync(join(ROOT, 'test-vectors/capture/truncated.b64'), 'utf8'));
    const locations = (runOf(piped.log).results ?? []).map((r) => physical(r)?.artifactLocation);
    expect(locations.length).toBeGreaterThan(0);
    expect(locations.every((l) => l?.uri === 'stdin' && l.uriBaseId === undefined)).toBe(true);
  });

  it('reports an unreadable input as a failed invocation, and still exits 2', async () => {
    const { code, stdout, stderr } = await check(['missing.b64', '--format', 'sarif']);
    expect(code).toBe(2);
    expect(stderr).toContain('samlint: cannot read `missing.b64`');
    const run = runOf(JSON.parse(stdout) as Log);
    expect(run.results).toEqual([]);
    expect(run.invocations).toEqual([
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'cannot read `missing.b64`: ENOENT' } }] },
    ]);
  });
});

/** One vector of each family, chosen to show each way a finding maps to a file. */
const SNAPSHOTS: Record<string, string> = {
  'idp-config': 'idp-config/okta/connect-defects.json', // an IdP configuration: findings in the file
  clean: 'clean/clean-form-body.txt', // results: []
  capture: 'capture/har-two-logins.har', // two logins of a HAR file
  xml: 'xml/not-well-formed.xml', // raw XML: the XML is the file
  saml: 'saml/assertion-id-missing.xml',
  aws: 'aws/role-pair-account-mismatch.xml',
  cx: 'cx/relay-state-access-url.xml', // a relay state given by flag: no file holds it
  sig: 'sig/digest-mismatch.xml',
  encrypted: 'encrypted/encrypted-plus-in-user-name.xml', // findings in the decrypted assertion
  generic: 'generic/recipient-other-acs.xml',
  md: 'md/metadata-expired.xml',
  iam: 'iam/trust-policy-trailing-comma.xml', // findings in a policy file
  bench: 'bench/bench-typical.b64',
  samples: 'samples/agent-access-denied.txt', // a form body: SAMLResponse and RelayState values in the file
  xsd: 'xsd/issue-14-example.xml', // schema findings: elements and an attribute
};

/**
 * What may differ between machines and releases: the version, the working directory; and the rule
 * pages, which change with the docs (the tests above check they are there).
 */
function normalise(log: Log): Log {
  const run = runOf(log);
  run.tool.driver.version = run.tool.driver.semanticVersion = '<version>';
  run.originalUriBaseIds = { '%SRCROOT%': { uri: 'file:///<cwd>/' } };
  for (const rule of run.tool.driver.rules ?? []) {
    rule.help = { text: `<docs/rules/${rule.id}.md>`, markdown: `<docs/rules/${rule.id}.md>` };
    rule.fullDescription = { text: '<What it does>' };
  }
  return log;
}

describe('sarif snapshots', () => {
  it('has a snapshot for every vector family', () => {
    expect(Object.keys(SNAPSHOTS).sort()).toEqual([...new Set(MANIFEST.map(family))].sort());
  });

  for (const [name, file] of Object.entries(SNAPSHOTS)) {
    it(name, async () => {
      const vector = MANIFEST.find((v) => v.file === file) as VectorEntry;
      const { log } = await sarif(vectorArgs(vector));
      expect(runOf(log).tool.driver.version).toBe(VERSION);
      await expect(`${JSON.stringify(normalise(log), null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/sarif/${name}.sarif`);
    });
  }
});
