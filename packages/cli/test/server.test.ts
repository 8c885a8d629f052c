import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VectorEntry } from '../../../test-vectors/manifest.js';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, docsUrl } from '@samlint/core';
import { CONFIG_SCHEMA } from '../src/config-schema.js';
import type { DecodeResult, RuleSummary } from '../src/server/protocol.js';
import { BIN, LspClient } from './lsp-client.js';
import { vectorConfig as configOf } from './vector-args.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(`${ROOT}test-vectors/manifest.json`, 'utf8'));
let dir: string;
let client: LspClient;

/** A vector's context options as the samlint.config.json beside its copy (the server's config discovery). */
function vectorConfig(file: string): Record<string, unknown> {
  const vector = MANIFEST.find((v) => v.file === file);
  if (!vector) throw new Error(`no vector ${file}`);
  return configOf(vector);
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
  // A line ends at \r\n, \r or \n, as LSP counts them: \r\n is one break, not two.
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const offset = (line: number, character: number) => lines.slice(0, line).join('').length + character;
  return text.slice(offset(start.line, start.character), offset(end.line, end.character));
}

/** The code actions for a diagnostic, as an editor's light bulb asks for them. */
const actionsFor = (uri: string, diagnostic: Diagnostic, by = client) =>
  by.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
/** A code action's edits of one document applied to its text. */
const applied = (text: string, uri: string, action: CodeAction | Command | undefined) =>
  TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, text), (action as CodeAction).edit!.changes![uri]!);
/** Where no fix is safe, the one action is the rule's documentation: a command, no edit. */
async function expectOnlyDocumentation(uri: string, diagnostic: Diagnostic): Promise<void> {
  const code = String(diagnostic.code);
  const actions = await actionsFor(uri, diagnostic);
  expect(actions).toEqual([
    expect.objectContaining({
      title: `Show documentation for ${code}`,
      command: { title: `Show documentation for ${code}`, command: 'samlint.showDocumentation', arguments: [diagnostic.codeDescription!.href] },
    }),
  ]);
  expect(actions?.[0]).not.toHaveProperty('edit');
}
const command = <T>(name: string, ...args: unknown[]) =>
  client.connection.sendRequest(ExecuteCommandRequest.type, { command: name, arguments: args }) as Promise<T>;

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
    for (const d of diagnostics) await expectOnlyDocumentation(uri, d);

    // A `.saml` file is a paste too, whatever its language.
    const saml = place('capture/redirect-deflate.b64', 'login.saml');
    await client.open(saml.uri, saml.text, 'plaintext');
    const [deflated, ...others] = await client.diagnostics(saml.uri, 1);
    expect(others).toEqual([]);
    expect(deflated!.code).toBe('IN004');
    expect(under(saml.text, deflated!.range)).toBe(saml.text.trim());
    await expectOnlyDocumentation(saml.uri, deflated!);
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
    // The signed response is where the user name is: nothing to edit.
    await expectOnlyDocumentation(uri, diagnostic!);
  }, 30_000);

  it('points a SAML-tracer export’s findings at the masked value, and offers no edit of a capture', async () => {
    const { uri, text } = place('capture/saml-tracer-masked.json');
    await client.open(uri, text, 'json');
    const diagnostics = await client.diagnostics(uri, 1);
    // The SAMLResponse and the RelayState are both hashed.
    expect(codes(diagnostics)).toEqual(['IN014', 'IN014']);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.severity).toBe(DiagnosticSeverity.Information);
      expect(under(text, diagnostic.range)).toMatch(/^\{hash:[0-9a-f]+\}$/);
      await expectOnlyDocumentation(uri, diagnostic);
    }
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
    // Which sign-in endpoint the login uses is the user's to say: no edit.
    await expectOnlyDocumentation(uri, diagnostic!);
    await client.change(uri, vector('iam/input-trust-regional.json'), 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
  }, 30_000);

  it('lints an IdP configuration file and offers the SHA-1 fix as an edit of it', async () => {
    const { uri, text } = place('idp-config/okta/connect-defects.json');
    await client.open(uri, text, 'json');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(codes(diagnostics)).toEqual(['AWS002', 'AWS009', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP003', 'IDP005']);
    const sessionDuration = diagnostics.find((d) => d.code === 'AWS009');
    expect(under(text, sessionDuration!.range)).toBe('50400');
    const sha1 = diagnostics.find((d) => d.code === 'IDP003' && under(text, d.range) === 'RSA_SHA1');
    const [fix] = await actionsFor(uri, sha1!);
    expect(fix).toMatchObject({ title: 'Use RSA_SHA256', kind: 'quickfix' });
    const fixed = applied(text, uri, fix);
    await client.change(uri, fixed, 2);
    expect((await client.diagnostics(uri, 2)).filter((d) => d.code === 'IDP003').map((d) => under(fixed, d.range))).toEqual(['SHA1']);
  }, 30_000);

  it('lints Terraform source, as the terraform language or plain text, and offers the destination fix as an edit of the .tf', async () => {
    const { uri, text } = place('idp-config/terraform/okta-connect-defects.tf');
    await client.open(uri, text, 'terraform');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(codes(diagnostics)).toEqual(['AWS002', 'AWS009', 'AWS015', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP002', 'IDP003', 'IDP003', 'IDP004', 'IDP005']);
    const destination = diagnostics.find((d) => d.code === 'CX007');
    expect(under(text, destination!.range)).toBe('/connect/ccp-v2/softphone?x=1');
    const [fix] = await actionsFor(uri, destination!);
    expect(fix).toMatchObject({ kind: 'quickfix' });
    const fixed = applied(text, uri, fix);
    expect(fixed).toContain('destination=%2Fconnect%2Fccp-v2%2Fsoftphone%3Fx%3D1&y=2"');
    await client.change(uri, fixed, 2);
    expect(codes(await client.diagnostics(uri, 2))).not.toContain('CX007');
    // Without HashiCorp's extension a .tf file is plain text: linted all the same.
    const plain = place('idp-config/terraform/keycloak-defects.tf');
    await client.open(plain.uri, plain.text, 'plaintext');
    expect(codes(await client.diagnostics(plain.uri, 1))).toContain('IDP003');
  }, 30_000);

  it('says nothing of a .tf file with no SAML app, nor of one with a syntax error as it is typed', async () => {
    const home = mkdtempSync(join(dir, 'tf-'));
    for (const [name, text] of [
      ['network.tf', 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'],
      ['typing.tf', 'resource "okta_app_saml" "connect" {\n  sso_url = \n}\n'],
    ]) {
      const uri = pathToFileURL(join(home, name!)).href;
      writeFileSync(join(home, name!), text!);
      await client.open(uri, text!, 'terraform');
      expect(await client.diagnostics(uri, 1)).toEqual([]);
    }
  }, 30_000);

  it('lints an AD FS trust as its list view in a text file and as ConvertTo-Json, with the SHA-1 fix in the JSON', async () => {
    const list = place('idp-config/adfs/trust-list-defects.txt');
    await client.open(list.uri, list.text, 'plaintext');
    const listed = await client.diagnostics(list.uri, 1);
    expect(codes(listed)).toEqual(['AWS015', 'IDP001', 'IDP001', 'IDP001', 'IDP002', 'IDP004']);
    expect(under(list.text, listed.find((d) => d.code === 'IDP002')!.range)).toBe('MessageOnly');
    const json = place('idp-config/adfs/trust-defects.json');
    await client.open(json.uri, json.text, 'json');
    const diagnostics = await client.diagnostics(json.uri, 1);
    const sha1 = diagnostics.find((d) => d.code === 'IDP003');
    const [fix] = await actionsFor(json.uri, sha1!);
    expect(fix).toMatchObject({ title: 'Use http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', kind: 'quickfix' });
    const fixed = applied(json.text, json.uri, fix);
    await client.change(json.uri, fixed, 2);
    expect(codes(await client.diagnostics(json.uri, 2))).not.toContain('IDP003');
  }, 30_000);

  it('lints Microsoft Graph JSON of an Entra app and offers the relay state fix as an edit of it', async () => {
    const { uri, text } = place('idp-config/entra/graph-defects.json');
    await client.open(uri, text, 'json');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(codes(diagnostics)).toEqual(['AWS002', 'AWS009', 'AWS014', 'AWS015', 'CX007', 'CX011', 'CX013', 'IDP001', 'IDP001', 'IDP001', 'IDP004']);
    // Inside the claims mapping policy's definition string, on the value itself.
    expect(under(text, diagnostics.find((d) => d.code === 'AWS009')!.range)).toBe('50400');
    const destination = diagnostics.find((d) => d.code === 'CX007');
    const [fix] = await actionsFor(uri, destination!);
    expect(fix).toMatchObject({ kind: 'quickfix' });
    const fixed = applied(text, uri, fix);
    expect(fixed).toContain('?destination=%2Fconnect%2Fccp-v2');
    await client.change(uri, fixed, 2);
    expect(codes(await client.diagnostics(uri, 2))).not.toContain('CX007');
  }, 30_000);

  it('lints an IAM permission policy', async () => {
    const { uri, text } = place('iam/input-permission-read-only.json');
    await client.open(uri, text, 'json');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'IAM009', severity: DiagnosticSeverity.Error });
    await expectOnlyDocumentation(uri, diagnostic!);
    await client.change(uri, vector('policies/permission-user-resource.json'), 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
  }, 30_000);

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
    // As an editor applies it: the policy opens, takes the edit and is saved.
    await client.open(policyUri, readFileSync(policyPath, 'utf8'), 'json');
    await client.change(policyUri, policy, 2);
    writeFileSync(policyPath, policy);
    // Applied, the fix is no longer offered: the text it replaces has gone.
    expect(await actionsFor(uri, diagnostic!)).toEqual([docs]);
    // The save re-lints the response, unchanged itself, against the saved policy.
    await client.save(policyUri);
    expect(await client.diagnostics(uri, 1, 2)).toEqual([]);
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
    // The IdP publishes its metadata: an edit here would change nothing at the IdP.
    await expectOnlyDocumentation(uri, diagnostic!);
    // Two edits inside the debounce: only the last is linted and published.
    await client.change(uri, `${text}\n`, 2);
    await client.change(uri, vector('md/metadata-idp-clean.xml'), 3);
    expect(await client.diagnostics(uri, 3)).toEqual([]);
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 3]);
  }, 30_000);

  it('shows schema errors as the user edits metadata, on the element, and clears them when the edit fixes it', async () => {
    const { uri, text } = place('xsd/metadata-elements-out-of-order.xml');
    await client.open(uri, text, 'xml');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['XSD001', DiagnosticSeverity.Error], ['XSD001', DiagnosticSeverity.Error]]);
    expect(diagnostics.map((d) => under(text, d.range))).toEqual(['<md:NameIDFormat>', '<md:KeyDescriptor use="signing">']);
    await client.change(uri, vector('md/metadata-idp-clean.xml'), 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
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

  it('lints an HTML page whose form posts a SAMLResponse, and says nothing of any other page', async () => {
    const value = vector('capture/truncated.b64').trim();
    const form = (field: string) =>
      `<!DOCTYPE html>\n<html>\n<body onload="document.forms[0].submit()">\n<form method="post" action="https://signin.aws.amazon.com/saml">\n<input type="hidden" name="${field}" value="${value}"/>\n</form>\n</body>\n</html>\n`;
    const saved = place('capture/html-auto-submit.html', 'idp-post.html');
    await client.open(saved.uri, form('SAMLResponse'), 'html');
    const diagnostics = await client.diagnostics(saved.uri, 1);
    expect(codes(diagnostics)).toEqual(['IN003', 'XML001']);
    // Findings point at the form's value in the page, as `check` reports them.
    for (const d of diagnostics) expect(under(form('SAMLResponse'), d.range)).toBe(value);
    // An `.htm` file, and a buffer that is no file, by its language.
    const htm = place('capture/html-auto-submit.html', 'idp-post.htm');
    await client.open(htm.uri, form('SAMLResponse'), 'plaintext');
    expect(codes(await client.diagnostics(htm.uri, 1))).toEqual(['IN003', 'XML001']);
    await client.open('untitled:Untitled-7', form('SAMLResponse'), 'html');
    expect(codes(await client.diagnostics('untitled:Untitled-7', 1))).toEqual(['IN003', 'XML001']);

    // Silence, not IN001 or IN008: a saved page without the form, a page that only names the field,
    // the SP's SAMLRequest page, and a page with no word of SAML.
    const others = {
      'no-form.html': vector('capture/html-no-form.html'),
      'help.html': '<!DOCTYPE html><html><body><p>Paste the SAMLResponse value here:</p><textarea></textarea></body></html>',
      'sp-request.html': form('SAMLRequest'),
      'index.html': '<!DOCTYPE html><html><head><title>Home</title></head><body><form><input name="q"></form></body></html>',
    };
    for (const [name, text] of Object.entries(others)) {
      const page = place('capture/html-no-form.html', name);
      await client.open(page.uri, text, 'html');
      expect(await client.diagnostics(page.uri, 1), name).toEqual([]);
    }
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

  it('URL-encodes a relay-state destination in the samlint.config.json that sets it, which clears CX007', async () => {
    const { uri, text } = place('cx/destination-not-url-encoded.xml');
    const configPath = join(dirname(fileURLToPath(uri)), 'samlint.config.json');
    const configUri = pathToFileURL(configPath).href;
    const config = readFileSync(configPath, 'utf8');
    await client.open(uri, text, 'xml');
    const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    // The relay state is no part of the response: the finding sits at its start, the config file shows where.
    expect(diagnostic).toMatchObject({ code: 'CX007', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    const [inConfig, ...more] = diagnostic!.relatedInformation!;
    expect(more).toEqual([]);
    expect(inConfig).toMatchObject({ location: { uri: configUri }, message: 'the relay state in samlint.config.json' });
    expect(under(config, inConfig!.location.range)).toBe('/ccp-v2/chat');
    const [fix, docs, ...others] = (await actionsFor(uri, diagnostic!)) ?? [];
    expect(others).toEqual([]);
    expect(fix).toMatchObject({ title: 'URL-encode the destination as `%2Fccp-v2%2Fchat`', kind: 'quickfix', isPreferred: true, diagnostics: [diagnostic] });
    expect(Object.keys((fix as CodeAction).edit!.changes!)).toEqual([configUri]);
    expect(docs).toMatchObject({ title: 'Show documentation for CX007' });
    const fixed = applied(config, configUri, fix);
    expect(JSON.parse(fixed)).toEqual({
      ...JSON.parse(config),
      relayState: 'https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b?destination=%2Fccp-v2%2Fchat',
    });
    writeFileSync(configPath, fixed);
    expect(await actionsFor(uri, diagnostic!)).toEqual([docs]);
    await client.change(uri, text, 2);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
  }, 30_000);

  it('offers no relay-state edit where the relay state is not verbatim in a file the user edits', async () => {
    const { relayState, ...context } = vectorConfig('cx/destination-not-url-encoded.xml');
    // A config that writes the relay state with JSON escapes (`\/`): its offsets are not the relay state's.
    const escaped = place('cx/destination-not-url-encoded.xml');
    const escapedConfig = JSON.stringify({ ...context, relayState }).replace(/\//g, '\\/');
    writeFileSync(join(dirname(fileURLToPath(escaped.uri)), 'samlint.config.json'), escapedConfig);
    // A form body that carried the relay state: a capture records what the IdP sent.
    const body = place('cx/destination-not-url-encoded.xml', 'body.txt');
    writeFileSync(join(dirname(fileURLToPath(body.uri)), 'samlint.config.json'), JSON.stringify(context));
    const form = `SAMLResponse=${encodeURIComponent(Buffer.from(body.text).toString('base64'))}&RelayState=${String(relayState)}`;
    await client.open(escaped.uri, escaped.text, 'xml');
    await client.open(body.uri, form, 'plaintext');
    for (const [uri, text] of [[escaped.uri, escaped.text], [body.uri, form]] as const) {
      const [diagnostic, ...rest] = await client.diagnostics(uri, 1);
      expect(rest).toEqual([]);
      expect(diagnostic!.code).toBe('CX007');
      await expectOnlyDocumentation(uri, diagnostic!);
      if (uri === body.uri) expect(under(text, diagnostic!.range)).toBe(relayState);
    }
  }, 30_000);

  it('decodes a capture with samlint.decode, and lints the decoded XML as a document of its own', async () => {
    const xml = vector('saml/nameid-format-saml2-email.xml');
    const decoded = await command<DecodeResult>('samlint.decode', { text: Buffer.from(xml).toString('base64') });
    expect(decoded).toEqual({ detected: 'base64 SAMLResponse', xml, problems: [] });
    // As an editor shows it: a read-only document of its own scheme, linted by language. The XML is byte
    // for byte what was signed: its digests verify (no SIG finding), and the finding is the response's own.
    const uri = 'samlint-decoded:/response.xml';
    await client.open(uri, decoded.xml!, 'xml');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(codes(diagnostics)).toContain('SAML008');
    expect(codes(diagnostics).filter((code) => String(code).startsWith('SIG'))).toEqual([]);
    expect(under(xml, diagnostics.find((d) => d.code === 'SAML008')!.range)).toBe(FORMAT);
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, decoded.xml!, 'xml');
    expect(codes(await client.diagnostics(untitled, 1))).toEqual(codes(diagnostics));

    const har = await command<DecodeResult>('samlint.decode', { text: vector('capture/har-two-logins.har') });
    expect(har).toMatchObject({
      detected: expect.stringMatching(/^HAR 1\.2 file .*, form body with SAMLResponse and RelayState$/),
      relayState: 'https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b',
      problems: [],
    });
    expect(har.xml).toMatch(/^<\?xml[^]*>jane\.doe@example\.com<[^]*<\/samlp:Response>\n$/);
    const truncated = await command<DecodeResult>('samlint.decode', { text: vector('capture/truncated.b64') });
    expect(truncated).not.toHaveProperty('xml');
    expect(truncated.problems.map((p) => p.code)).toEqual(['IN003', 'XML001']);
    expect(Object.keys(truncated.problems[0]!).sort()).toEqual(['code', 'help', 'message', 'severity']);
    await expect(command('samlint.decode', 'not an object')).rejects.toThrow('samlint.decode takes the arguments [{ text: string }]');
  }, 30_000);

  it('explains an error message with samlint.why, from what the open document’s lint found', async () => {
    const { uri, text } = place('aws/role-session-name-display-name.xml');
    await client.open(uri, text, 'xml');
    const message = 'RoleSessionName in AuthnResponse must match';
    const report = await command<string>('samlint.why', { message, uri });
    expect(report.split('\n')[0]).toBe(`${fileURLToPath(uri)}: raw XML`);
    expect(report).toMatch(/likely causes in this capture\n\s+xml \d+:\d+\s+error\s+RoleSessionName `Jane Doe` contains a space.*AWS007 role-session-name-invalid/);
    // Plain text: no colour codes for an editor to show raw.
    expect(report).not.toMatch(/\u001b\[/);
    // Without a document (or one that is not open), what to check.
    const bare = await command<string>('samlint.why', { message });
    expect(bare).not.toContain('likely causes');
    expect(bare).toContain('AWS007');
    expect(await command<string>('samlint.why', { message, uri: 'file:///not/open.xml' })).toBe(bare);
    await expect(command('samlint.why', { uri })).rejects.toThrow('samlint.why takes the arguments [{ message: string; uri?: string }]');
  }, 30_000);

  it('lists every rule with samlint.rules and gives a rule’s page with samlint.explain', async () => {
    const rules = await command<RuleSummary[]>('samlint.rules');
    expect(rules.map((r) => r.code)).toEqual(RULES.map((r) => r.meta.code));
    // The same entries as `samlint rules --format json` prints.
    expect(rules.find((r) => r.code === 'CX007')).toEqual({
      code: 'CX007',
      name: 'destination-not-url-encoded',
      family: 'CX',
      severity: 'warning',
      summary: 'The relay state `destination` value holds a raw `/` or `:` instead of percent-encoding',
      facts: ['CX-RS-003'],
      symptoms: [],
      needs: ['relayState'],
      docsUrl: docsUrl('CX007'),
    });
    expect(rules).toEqual(JSON.parse(spawnSync(process.execPath, [BIN, 'rules', '--format', 'json'], { encoding: 'utf8' }).stdout));
    const page = readFileSync(join(ROOT, 'docs/rules/CX007.md'), 'utf8');
    expect(await command('samlint.explain', 'CX007')).toBe(page);
    expect(await command('samlint.explain', 'destination-not-url-encoded')).toBe(page);
    expect(await command('samlint.explain', 'XX999')).toBeNull();
    expect(await command('samlint.explain', '../../README')).toBeNull();
  }, 30_000);

  it('re-lints open documents when the client reports a samlint.config.json changed on disk', async () => {
    const { uri, text } = place('md/metadata-expired.xml');
    await client.open(uri, text, 'xml');
    expect(codes(await client.diagnostics(uri, 1))).toEqual(['MD001']);
    const config = join(dirname(fileURLToPath(uri)), 'samlint.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), rules: { MD001: 'off' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }],
    });
    expect(await client.diagnostics(uri, 1, 2)).toEqual([]);
  }, 30_000);

  it('checks validity against the machine’s clock when no `now` is set, and says so in the hover', async () => {
    const { uri, text } = place('clean/clean-signed-both.xml');
    const config = join(dirname(fileURLToPath(uri)), 'samlint.config.json');
    const { now, ...context } = JSON.parse(readFileSync(config, 'utf8'));
    writeFileSync(config, JSON.stringify(context));
    const before = Date.now();
    await client.open(uri, text, 'xml');
    // The vector's assertion and its session expired on 2026-11-27; this machine's clock is past that.
    const [expired, ...rest] = await client.diagnostics(uri, 1);
    expect(codes([expired!, ...rest])).toEqual(['SAML012', 'SAML012', 'SAML014']);
    expect(expired!.message).toMatch(/before this machine’s clock/);
    const hovered = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: expired!.range.start });
    const shown = (hovered!.contents as MarkupContent).value;
    const clock = /Checked against this machine’s clock, (\S+):/.exec(shown)?.[1];
    expect(Date.parse(clock!)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(clock!)).toBeLessThanOrEqual(Date.now());
    // A `now` the config sets wins, and nothing is said about the clock.
    writeFileSync(config, JSON.stringify({ ...context, now }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }] });
    expect(await client.diagnostics(uri, 1, 2)).toEqual([]);
  }, 30_000);

  it('reads a context file again once it changes on disk, and only then', async () => {
    const { uri, text } = place('clean/clean-signed-both.xml');
    const home = dirname(fileURLToPath(uri));
    const users = join(home, 'users.csv');
    const everyone = vector('users/connect-users.csv');
    writeFileSync(users, everyone);
    const config = join(home, 'samlint.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), users }));
    await client.open(uri, text, 'xml');
    expect(await client.diagnostics(uri, 1)).toEqual([]);
    // No notification: the next keystroke's lint sees the file's new size and reads it.
    writeFileSync(users, `${everyone.split('\n')[0]}\n`);
    await client.change(uri, text, 2);
    expect(codes(await client.diagnostics(uri, 2))).toEqual(['CX003']);
    writeFileSync(users, everyone);
    await client.change(uri, text, 3);
    expect(await client.diagnostics(uri, 3)).toEqual([]);
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

// A client that answers `workspace/configuration` as VS Code does: every contributed key, unset ones as null.
describe('samlint server --stdio with editor settings', () => {
  let editor: LspClient;
  let workspace: string;
  /** The `samlint` section the editor answers for each document; VS Code sends every key, unset ones as null. */
  const sections = new Map<string, Record<string, unknown>>();
  const UNSET = Object.fromEntries(Object.keys(CONFIG_SCHEMA.properties).map((key) => [key, null]));
  const section = (set: Record<string, unknown>) => ({ ...UNSET, trace: { server: 'off' }, certificates: [], rules: {}, ...set });

  beforeAll(async () => {
    workspace = mkdtempSync(join(dir, 'workspace-'));
    editor = new LspClient(dir, {
      settings: ({ scopeUri, section: name }) => (name === 'samlint' && scopeUri ? sections.get(scopeUri) : undefined) ?? null,
      workspaceFolders: [pathToFileURL(workspace).href],
    });
    await editor.initialize();
  }, 20_000);

  afterAll(() => editor?.kill());

  /** A vector copied into the workspace, at `folder/name`, with no config file of its own unless given. */
  function inWorkspace(file: string, folder: string, config?: Record<string, unknown>): { uri: string; text: string } {
    const home = join(workspace, folder);
    mkdirSync(home, { recursive: true });
    if (config) writeFileSync(join(home, 'samlint.config.json'), JSON.stringify(config));
    copyFileSync(join(ROOT, 'test-vectors', file), join(home, basename(file)));
    return { uri: pathToFileURL(join(home, basename(file))).href, text: vector(file) };
  }

  it('asks for the document’s samlint section and lints with it as with a config file’s keys', async () => {
    const { uri, text } = inWorkspace('md/metadata-aws-sp-acs-region-mismatch.xml', 'settings-only');
    sections.set(uri, section({ region: 'eu-west-2' }));
    await editor.open(uri, text, 'xml');
    const [diagnostic, ...rest] = await editor.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'MD021', severity: DiagnosticSeverity.Warning });
    expect(diagnostic!.message).toContain('not the instance region eu-west-2');
    expect(editor.configurationItems).toContainEqual({ scopeUri: uri, section: 'samlint' });
    expect(editor.registrations.map((r) => r.method)).toEqual(['workspace/didChangeConfiguration']);
    const [fix] = (await actionsFor(uri, diagnostic!, editor)) ?? [];
    await editor.change(uri, applied(text, uri, fix), 2);
    expect(await editor.diagnostics(uri, 2)).toEqual([]);
  }, 30_000);

  it('resolves relative paths in the settings against the workspace folder that holds the document', async () => {
    const { uri, text } = inWorkspace('iam/trust-global-aud-regional-recipient.xml', 'responses/eu');
    const policy = join(workspace, 'policies', 'trust.json');
    mkdirSync(dirname(policy), { recursive: true });
    copyFileSync(join(ROOT, 'test-vectors', 'policies/trust-global.json'), policy);
    sections.set(uri, section({ ...vectorConfig('iam/trust-global-aud-regional-recipient.xml'), trustPolicy: 'policies/trust.json' }));
    await editor.open(uri, text, 'xml');
    const [diagnostic, ...rest] = await editor.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(diagnostic!.code).toBe('IAM007');
    expect(diagnostic!.relatedInformation![0]!.location.uri).toBe(pathToFileURL(policy).href);
  }, 30_000);

  it('lets samlint.config.json win key by key, the settings filling what it leaves unset', async () => {
    const aws = 'md/metadata-aws-sp-acs-region-mismatch.xml';
    // The file sets the region and the rule's severity: the settings' region (where the ACS is, no finding) and severity lose.
    const pinned = inWorkspace(aws, 'pinned', { region: 'eu-west-2', rules: { MD021: 'info' } });
    sections.set(pinned.uri, section({ region: 'us-east-1', rules: { MD021: 'error' } }));
    // The file sets neither: both come from the settings.
    const filled = inWorkspace(aws, 'filled', { now: '2026-11-27T09:00:30Z' });
    sections.set(filled.uri, section({ region: 'eu-west-2', rules: { MD021: 'error' } }));
    await editor.open(pinned.uri, pinned.text, 'xml');
    await editor.open(filled.uri, filled.text, 'xml');
    expect(await editor.diagnostics(pinned.uri, 1)).toEqual([
      expect.objectContaining({ code: 'MD021', severity: DiagnosticSeverity.Information, message: expect.stringContaining('instance region eu-west-2') }),
    ]);
    expect(await editor.diagnostics(filled.uri, 1)).toEqual([expect.objectContaining({ code: 'MD021', severity: DiagnosticSeverity.Error })]);
  }, 30_000);

  it('reports invalid settings once per problem, lints without them, and re-lints when they change', async () => {
    const aws = 'md/metadata-aws-sp-acs-region-mismatch.xml';
    const first = inWorkspace(aws, 'invalid-1');
    const second = inWorkspace(aws, 'invalid-2');
    for (const { uri } of [first, second]) sections.set(uri, section({ region: 'Europe', clockSkew: -1 }));
    await editor.open(first.uri, first.text, 'xml');
    await editor.open(second.uri, second.text, 'xml');
    expect(await editor.diagnostics(first.uri, 1)).toEqual([]);
    expect(await editor.diagnostics(second.uri, 1)).toEqual([]);
    const problems = [
      'samlint: editor settings (samlint.*): $.region: must be an AWS Region code such as eu-west-2',
      'samlint: editor settings (samlint.*): $.clockSkew: must be >= 0',
    ];
    expect([...editor.messages].sort()).toEqual([...problems].sort());
    expect(editor.logs.filter((log) => log.includes('editor settings')).sort()).toEqual([...problems].sort());

    const asked = editor.configurationItems.length;
    sections.set(first.uri, section({ region: 'eu-west-2' }));
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    // Every open document is linted again, its settings asked again; the second's are still invalid, and said so again.
    expect(codes(await editor.diagnostics(first.uri, 1, 2))).toEqual(['MD021']);
    expect(await editor.diagnostics(second.uri, 1, 2)).toEqual([]);
    expect(editor.configurationItems.slice(asked).map((item) => item.scopeUri)).toEqual(expect.arrayContaining([first.uri, second.uri]));
    expect(editor.messages.length).toBe(2 * problems.length);
  }, 30_000);

  it('resolves the settings’ paths against a workspace folder added later, and re-lints', async () => {
    const other = mkdtempSync(join(dir, 'added-folder-'));
    const home = join(other, 'responses');
    mkdirSync(join(other, 'policies'), { recursive: true });
    mkdirSync(home);
    copyFileSync(join(ROOT, 'test-vectors', 'policies/trust-global.json'), join(other, 'policies', 'trust.json'));
    const file = 'iam/trust-global-aud-regional-recipient.xml';
    copyFileSync(join(ROOT, 'test-vectors', file), join(home, 'response.xml'));
    const uri = pathToFileURL(join(home, 'response.xml')).href;
    sections.set(uri, section({ ...vectorConfig(file), trustPolicy: 'policies/trust.json' }));
    await editor.open(uri, vector(file), 'xml');
    // Outside every folder, the path starts at the server's working directory, where there is no such policy.
    expect(await editor.diagnostics(uri, 1)).toEqual([]);
    expect(editor.logs.join('\n')).toMatch(/cannot lint .*response\.xml: .*policies\/trust\.json/);
    await editor.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(other).href, name: 'other' }], removed: [] },
    });
    const [diagnostic] = await editor.diagnostics(uri, 1, 2);
    expect(diagnostic!.code).toBe('IAM007');
    expect(diagnostic!.relatedInformation![0]!.location.uri).toBe(pathToFileURL(join(other, 'policies', 'trust.json')).href);
  }, 30_000);
});
