import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VectorEntry } from '../../../test-vectors/manifest.js';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  HoverRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN, LspClient } from './lsp-client.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(`${ROOT}test-vectors/manifest.json`, 'utf8'));
let dir: string;
let client: LspClient;

/** A vector's context options as the samlint.config.json beside its copy (the server's config discovery). */
function vectorConfig(file: string): Record<string, unknown> {
  const vector = MANIFEST.find((v) => v.file === file);
  if (!vector) throw new Error(`no vector ${file}`);
  const path = (name: string) => join(ROOT, 'test-vectors', name);
  const { now, users, certificates, metadata, trustPolicy, permissionPolicy, sp, ...rest } = vector.options;
  return {
    ...rest,
    now: now instanceof Date ? now.toISOString() : now,
    users: users && path(users),
    certificates: certificates?.map(path),
    metadata: metadata && path(metadata),
    trustPolicy: trustPolicy && path(trustPolicy),
    permissionPolicy: permissionPolicy && path(permissionPolicy),
    ...sp,
  };
}

/** A copy of a vector in a directory of its own with its config; the document's URI and its text. */
function place(file: string, name = basename(file)): { uri: string; text: string } {
  const home = mkdtempSync(join(dir, 'doc-'));
  writeFileSync(join(home, 'samlint.config.json'), JSON.stringify(vectorConfig(file)));
  copyFileSync(join(ROOT, 'test-vectors', file), join(home, name));
  return { uri: pathToFileURL(join(home, name)).href, text: readFileSync(join(home, name), 'utf8') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samlint-server-'));
  client = new LspClient(dir);
  await client.initialize();
}, 20_000);

afterAll(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
});


/** The document text a range covers (LSP positions: 0-based lines, UTF-16 columns). */
function under(text: string, { start, end }: Range): string {
  const lines = text.split(/(?<=\r\n|\r|\n)/);
  const offset = (line: number, character: number) => lines.slice(0, line).join('').length + character;
  return text.slice(offset(start.line, start.character), offset(end.line, end.character));
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const vector = (file: string) => readFileSync(join(ROOT, 'test-vectors', file), 'utf8');
const FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress';

// Each test spawns nothing new: one server, as an editor runs it, serves every document; the machine is busy.
describe('samlint server --stdio', () => {
  it('lints a SAML response as the editor holds it, with the finding’s range, code, docs and help', async () => {
    const { uri, text } = place('saml/nameid-format-saml2-email.xml');
    await client.open(uri, text, 'xml');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({
      code: 'SAML008',
      source: 'samlint',
      severity: DiagnosticSeverity.Warning,
      codeDescription: { href: expect.stringMatching(/\/docs\/rules\/SAML008\.md$/) },
    });
    expect(under(text, diagnostic!.range)).toBe(FORMAT);
    expect(diagnostic!.message).toMatch(/^NameID Format `urn:.*\nnote: .*\nhelp: set the IdP application’s Name ID format/);

    // The editor's text, not the disk's: a comment of non-BMP and accented characters before the element
    // (no part of the signed bytes' canonical form) moves the range by its UTF-16 length, 12 code units.
    const comment = '<!--😀😀é-->';
    const line = diagnostic!.range.start.line;
    const lines = text.split('\n');
    const indent = /^\s*/.exec(lines[line]!)![0].length;
    lines[line] = `${lines[line]!.slice(0, indent)}${comment}${lines[line]!.slice(indent)}`;
    const edited = lines.join('\n');
    await client.change(uri, edited, 2);
    const [moved, ...others] = await client.diagnostics(uri, 2);
    expect(others).toEqual([]);
    expect(moved!.code).toBe('SAML008');
    expect(moved!.range.start).toEqual({ line, character: diagnostic!.range.start.character + comment.length });
    expect(comment.length).toBe(12);
    expect(under(edited, moved!.range)).toBe(FORMAT);

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: moved!.range.start });
    const markdown = hover?.contents as MarkupContent;
    expect(markdown.kind).toBe('markdown');
    expect(markdown.value).toContain('**SAML008** set the IdP application’s Name ID format');
    expect(markdown.value).toContain(`(${moved!.codeDescription!.href})`);
    const nowhere = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(nowhere).toBeNull();

    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: moved!.range,
      context: { diagnostics: [moved!] },
    });
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Show documentation for SAML008',
        command: { title: 'Show documentation for SAML008', command: 'samlint.showDocumentation', arguments: [moved!.codeDescription!.href] },
      }),
    ]);
    expect(actions?.[0]).not.toHaveProperty('edit');

    await client.close(uri);
    expect(await client.diagnostics(uri, null)).toEqual([]);
  }, 30_000);

  it('maps findings in a base64 paste’s decoded XML to the pasted value', async () => {
    const { uri, text } = place('capture/truncated.b64');
    await client.open(uri, text, 'plaintext');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(codes(diagnostics)).toEqual(['IN003', 'XML001']);
    for (const d of diagnostics) expect(under(text, d.range)).toBe(text.trim());
    expect(diagnostics.find((d) => d.code === 'XML001')!.message).toMatch(/ \(decoded XML \d+:\d+\)\nhelp: /);
  }, 30_000);

  it('points a HAR login’s findings at its SAMLResponse value', async () => {
    const { uri, text } = place('capture/har-two-logins.har');
    await client.open(uri, text, 'json');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic!.code).toBe('CX001');
    expect(diagnostic!.message).toMatch(/\(decoded XML \d+:\d+ of entry \d+\)/);
    // The form body's value, URL-encoded base64, whole.
    const value = under(text, diagnostic!.range);
    expect(value).toMatch(/^[A-Za-z0-9%]+$/);
    expect(Buffer.from(decodeURIComponent(value), 'base64').toString('utf8')).toMatch(/^<\?xml[^]*jane\.doe\+agent@example\.com[^]*<\/samlp:Response>\n$/);
  }, 30_000);

  it('publishes a context file’s finding on the response only where it concerns the response', async () => {
    const { uri, text } = place('iam/trust-global-aud-regional-recipient.xml');
    await client.open(uri, text, 'xml');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic!.code).toBe('IAM007');
    expect(under(text, diagnostic!.range)).toBe('https://eu-west-2.signin.aws.amazon.com/saml');
    const policy = join(ROOT, 'test-vectors', 'policies/trust-global.json');
    const [found, label] = diagnostic!.relatedInformation!;
    expect(found!.location.uri).toBe(pathToFileURL(policy).href);
    expect(under(readFileSync(policy, 'utf8'), found!.location.range)).toBe('"https://signin.aws.amazon.com/saml"');
    expect(label).toEqual({ location: { uri, range: diagnostic!.range }, message: 'the Recipient, which AWS checks as `SAML:aud`' });

    // A trailing comma in the trust policy (IAM001) is the policy's problem, not the response's.
    const other = place('iam/trust-policy-trailing-comma.xml');
    await client.open(other.uri, other.text, 'xml');
    expect(await client.diagnostics(other.uri, 1)).toEqual([]);
  }, 30_000);

  it('lints an IAM trust policy and clears when the edit fixes it', async () => {
    const { uri, text } = place('iam/input-trust-audience.json');
    await client.open(uri, text, 'json');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'IAM006', severity: DiagnosticSeverity.Error });
    expect(under(text, diagnostic!.range)).toBe('"urn:amazon:webservices"');
    await client.change(uri, vector('iam/input-trust-regional.json'), 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
  }, 30_000);

  /** The code actions for a diagnostic, as an editor's light bulb asks for them. */
  const actionsFor = (uri: string, diagnostic: Diagnostic) =>
    client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  /** A code action's edits of one document applied to its text. */
  const applied = (text: string, uri: string, action: CodeAction | Command | undefined) =>
    TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, text), (action as CodeAction).edit!.changes![uri]!);

  it('offers the trust policy fix on the response, which clears it once applied to the policy', async () => {
    const { uri, text } = place('iam/trust-global-aud-regional-recipient.xml');
    // The policy is a file of this test, next to the response: the fix edits it.
    const home = dirname(fileURLToPath(uri));
    const policyPath = join(home, 'trust.json');
    const policyUri = pathToFileURL(policyPath).href;
    copyFileSync(join(ROOT, 'test-vectors', 'policies/trust-global.json'), policyPath);
    const config = { ...vectorConfig('iam/trust-global-aud-regional-recipient.xml'), trustPolicy: policyPath };
    writeFileSync(join(home, 'samlint.config.json'), JSON.stringify(config));
    await client.open(uri, text, 'xml');
    const [diagnostic] = await client.diagnostics(uri, 1);
    expect(diagnostic!.code).toBe('IAM007');
    const [fix, docs, ...rest] = await actionsFor(uri, diagnostic!) ?? [];
    expect(rest).toEqual([]);
    expect(fix).toMatchObject({
      title: 'Add `https://eu-west-2.signin.aws.amazon.com/saml` to the trust policy’s `SAML:aud`',
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [diagnostic],
    });
    expect(Object.keys((fix as CodeAction).edit!.changes!)).toEqual([policyUri]);
    expect(docs).toMatchObject({ title: 'Show documentation for IAM007' });
    const policy = applied(readFileSync(policyPath, 'utf8'), policyUri, fix);
    expect(JSON.parse(policy).Statement[0].Condition.StringEquals['SAML:aud']).toEqual([
      'https://signin.aws.amazon.com/saml',
      'https://eu-west-2.signin.aws.amazon.com/saml',
    ]);
    writeFileSync(policyPath, policy);
    // Applied, the fix is no longer offered: the text it replaces has gone.
    expect(await actionsFor(uri, diagnostic!)).toEqual([docs]);
    await client.change(uri, text, 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
  }, 30_000);

  it('regionalises the ACS of AWS’s SP metadata in place, but never in signed or decoded metadata', async () => {
    const { uri, text } = place('md/metadata-aws-sp-acs-region-mismatch.xml');
    await client.open(uri, text, 'xml');
    const [diagnostic] = await client.diagnostics(uri, 1);
    expect(diagnostic!.code).toBe('MD021');
    const [fix, docs] = await actionsFor(uri, diagnostic!) ?? [];
    expect(fix).toMatchObject({ title: 'Set the Location to `https://eu-west-2.signin.aws.amazon.com/saml`', kind: 'quickfix', isPreferred: true });
    expect(docs).toMatchObject({ title: 'Show documentation for MD021' });
    const fixed = applied(text, uri, fix);
    expect(fixed).toBe(text.replace('https://us-east-1.signin.aws.amazon.com/saml', 'https://eu-west-2.signin.aws.amazon.com/saml'));
    await client.change(uri, fixed, 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);

    const signed = place('md/metadata-aws-sp-acs-region-mismatch.xml', 'signed.xml');
    const signedText = signed.text.replace('<SPSSODescriptor', '<ds:Signature><ds:SignedInfo/></ds:Signature>\n  <SPSSODescriptor');
    const pasted = place('md/metadata-aws-sp-acs-region-mismatch.xml', 'pasted.b64');
    await client.open(signed.uri, signedText, 'xml');
    await client.open(pasted.uri, Buffer.from(pasted.text).toString('base64'), 'plaintext');
    for (const other of [signed.uri, pasted.uri]) {
      const found = (await client.diagnostics(other, 1)).find((d) => d.code === 'MD021');
      expect(await actionsFor(other, found!)).toEqual([expect.objectContaining({ title: 'Show documentation for MD021' })]);
    }
  }, 30_000);

  it('lints IdP metadata, an info as Information, and drops the result of a version already replaced', async () => {
    const { uri, text } = place('md/metadata-expired.xml');
    await client.open(uri, text, 'xml');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'MD001', severity: DiagnosticSeverity.Information });
    expect(under(text, diagnostic!.range)).toBe('2026-01-15T00:00:00Z');
    // Two edits inside the debounce: only the last is linted and published.
    await client.change(uri, `${text}\n`, 2);
    await client.change(uri, vector('md/metadata-idp-clean.xml'), 3);
    expect(await client.diagnostics(uri, 3)).toEqual([]);
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 3]);
  }, 30_000);

  it('publishes nothing for JSON, XML or text that is no capture, policy or metadata, but reports an empty .b64', async () => {
    const packageJson = place('iam/input-trust-audience.json', 'package.json');
    await client.open(packageJson.uri, '{"name": "app", "version": "1.0.0"}', 'json');
    const notes = place('md/metadata-expired.xml', 'notes.txt');
    await client.open(notes.uri, 'hello, world', 'plaintext');
    expect(await client.diagnostics(packageJson.uri, 1)).toEqual([]);
    expect(await client.diagnostics(notes.uri, 1)).toEqual([]);
    const pomXml = place('md/metadata-expired.xml', 'pom.xml');
    await client.open(pomXml.uri, '<project><modelVersion>4.0.0</modelVersion></project>', 'xml');
    expect(await client.diagnostics(pomXml.uri, 1)).toEqual([]);
    const paste = place('capture/truncated.b64', 'paste.b64');
    await client.open(paste.uri, '', 'plaintext');
    expect(codes(await client.diagnostics(paste.uri, 1))).toEqual(['IN001']);
  }, 30_000);

  it('gives a document over core’s size limit one diagnostic', async () => {
    const { uri } = place('capture/truncated.b64', 'huge.b64');
    await client.open(uri, 'A'.repeat(20_000_004), 'plaintext');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'IN001', range: { start: { line: 0, character: 0 } } });
    expect(diagnostics[0]!.message).toMatch(/over samlint’s limit/);
    await client.close(uri);
    expect(await client.diagnostics(uri, null)).toEqual([]);
  }, 60_000);

  it('logs a document it cannot lint (a broken samlint.config.json), clears it and keeps serving', async () => {
    const { uri, text } = place('md/metadata-expired.xml');
    writeFileSync(join(fileURLToPath(uri), '..', 'samlint.config.json'), '{"region": 42}');
    await client.open(uri, text, 'xml');
    expect(await client.diagnostics(uri, 1)).toEqual([]);
    expect(client.logs.join('\n')).toMatch(/samlint: cannot lint .*samlint\.config\.json:1:\d+: \$\.region/);
    const next = place('md/metadata-expired.xml');
    await client.open(next.uri, next.text, 'xml');
    expect(codes(await client.diagnostics(next.uri, 1))).toEqual(['MD001']);
  }, 30_000);

  it('exits 0 after shutdown and exit, as LSP says', async () => {
    expect(await client.stop()).toBe(0);
  }, 30_000);

  it('exits 1 on exit without shutdown, and refuses to start without --stdio', async () => {
    const rude = new LspClient(dir);
    try {
      await rude.initialize();
      const exited = new Promise<number | null>((resolve) => rude.child.on('exit', resolve));
      await rude.connection.sendNotification('exit');
      expect(await exited).toBe(1);
    } finally {
      rude.kill();
    }
    const bare = spawnSync(process.execPath, [BIN, 'server'], { cwd: dir, encoding: 'utf8', input: '' });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe('samlint: samlint server speaks LSP over standard input and output: pass --stdio\n');
  }, 30_000);
});
