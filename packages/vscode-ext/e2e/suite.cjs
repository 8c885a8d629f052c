// The extension's test module, run by VS Code inside its Node extension host against the installed
// .vsix (the @vscode/test-electron contract: `run()` resolves to pass, throws to fail). The workspace is
// the one run.mjs lays out; each check's outcome goes to e2e-results.json there, for run.mjs to print.
const vscode = require('vscode');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const TIMEOUT_MS = 30_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));

/** samlint's diagnostics on a document once `accept` takes them (the server lints after open and after each edit). */
async function diagnostics(uri, accept, what) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'samlint');
    if (accept(found.map(codeOf), found)) return found;
    if (Date.now() > deadline) throw new Error(`${what}: timed out with [${found.map(codeOf).join(', ')}] on ${uri.toString()}`);
    await sleep(200);
  }
}

const has = (code) => (codes) => codes.includes(code);
const lacks = (code) => (codes) => !codes.includes(code);

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

module.exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert(folder, 'no workspace folder is open');
  const file = (name) => vscode.Uri.joinPath(folder, name);
  const open = async (name) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(name)), { preview: false });
  const results = [];
  // Written after every check: a run that hangs still shows how far it got.
  const check = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error) });
    }
    writeFileSync(join(folder.fsPath, 'e2e-results.json'), JSON.stringify(results, null, 2));
  };

  await check('the installed samlint extension activates', async () => {
    const extension = vscode.extensions.getExtension('samlint.samlint');
    assert(extension, 'samlint.samlint is not installed');
    await open('response.xml');
    await extension.activate();
    assert(extension.isActive, 'it did not activate');
  });

  await check('a defective SAMLResponse gets SAML008 at the NameID Format, with its rule page', async () => {
    const uri = file('response.xml');
    const [found] = await diagnostics(uri, has('SAML008'), 'response.xml');
    const document = await vscode.workspace.openTextDocument(uri);
    assert(document.getText(found.range) === 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress', `range covers ${JSON.stringify(document.getText(found.range))}`);
    assert(found.severity === vscode.DiagnosticSeverity.Warning, `severity ${found.severity}`);
    assert(String(found.code.target).endsWith('/docs/rules/SAML008.md'), `code target ${found.code.target}`);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, found.range);
    const docs = actions.find((a) => a.title === 'Show documentation for SAML008');
    assert(docs, `actions: ${actions.map((a) => a.title)}`);
    assert(actions.every((a) => !a.edit), 'an edit is offered inside a signed response');
    // Run as the light bulb runs it: the page the extension carries opens, not the browser.
    const page = await vscode.commands.executeCommand(docs.command.command, ...docs.command.arguments);
    assert(page?.path.endsWith('/SAML008.md'), `the documentation action opened ${page}`);
  });

  await check('editor settings reach the server: samlint.region makes AWS SP metadata’s ACS wrong (MD021)', async () => {
    const uri = file('sp/saml-metadata.xml');
    await open('sp/saml-metadata.xml');
    await diagnostics(uri, lacks('MD021'), 'sp/saml-metadata.xml before the setting');
    await vscode.workspace.getConfiguration('samlint', uri).update('region', 'eu-west-2', vscode.ConfigurationTarget.Workspace);
    await diagnostics(uri, has('MD021'), 'sp/saml-metadata.xml with samlint.region');
  });

  await check('the MD021 quick fix regionalises the ACS Location and the diagnostic clears', async () => {
    const uri = file('sp/saml-metadata.xml');
    const [found] = (await diagnostics(uri, has('MD021'), 'sp/saml-metadata.xml')).filter((d) => codeOf(d) === 'MD021');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, found.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit);
    assert(fix, `no fix among ${actions.map((a) => a.title)}`);
    assert(fix.title === 'Set the Location to `https://eu-west-2.signin.aws.amazon.com/saml`', fix.title);
    assert(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');
    await diagnostics(uri, lacks('MD021'), 'sp/saml-metadata.xml after the fix');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert(text.includes('Location="https://eu-west-2.signin.aws.amazon.com/saml"'), 'the Location was not changed');
  });

  await check('the CX007 quick fix URL-encodes the relay state in samlint.config.json; saved, the response lints clean', async () => {
    const uri = file('relay/response.xml');
    await open('relay/response.xml');
    const [found] = (await diagnostics(uri, has('CX007'), 'relay/response.xml')).filter((d) => codeOf(d) === 'CX007');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, found.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit);
    assert(fix && fix.title === 'URL-encode the destination as `%2Fccp-v2`', `actions: ${actions.map((a) => a.title)}`);
    const config = file('relay/samlint.config.json');
    assert(fix.edit.entries().every(([target]) => target.toString() === config.toString()), 'the fix edits another file than the config');
    assert(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');
    assert(await (await vscode.workspace.openTextDocument(config)).save(), 'the config was not saved');
    await diagnostics(uri, lacks('CX007'), 'relay/response.xml after the fix');
    const saved = JSON.parse(readFileSync(config.fsPath, 'utf8'));
    assert(saved.relayState.endsWith('?destination=%2Fccp-v2'), `relayState ${saved.relayState}`);
  });

  await check('IdP metadata with an expired certificate gets MD001', async () => {
    await open('idp-metadata.xml');
    await diagnostics(file('idp-metadata.xml'), has('MD001'), 'idp-metadata.xml');
  });

  await check('a SAMLResponse pasted into a new, unsaved tab is linted as you paste', async () => {
    const pasted = (await vscode.workspace.openTextDocument(file('paste.b64'))).getText();
    const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: pasted });
    await vscode.window.showTextDocument(untitled);
    const [found] = (await diagnostics(untitled.uri, has('SAML008'), 'the untitled paste')).filter((d) => codeOf(d) === 'SAML008');
    assert(untitled.getText(found.range) === pasted.trim(), 'the finding is not on the pasted value');
  });

  await check('"Decode SAMLResponse from Selection" opens the decoded XML read-only, with diagnostics', async () => {
    const editor = await open('paste.b64');
    editor.selection = new vscode.Selection(0, 0, editor.document.lineCount, 0);
    const decoded = await vscode.commands.executeCommand('samlint.decodeSelection');
    assert(decoded && decoded.document.uri.scheme === 'samlint', `opened ${decoded?.document.uri}`);
    assert(decoded.document.languageId === 'xml', `language ${decoded.document.languageId}`);
    assert(decoded.document.getText().startsWith('<?xml'), 'not the XML');
    await diagnostics(decoded.document.uri, has('SAML008'), 'the decoded XML');
    const text = decoded.document.getText();
    await decoded.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
    assert(decoded.document.getText() === text && !decoded.document.isDirty, 'an edit changed the decoded XML');
    assert(!(await decoded.document.save()), 'the decoded XML was saved');
  });

  await check('"Decode SAMLResponse from Clipboard" decodes a copied response', async () => {
    const pasted = (await vscode.workspace.openTextDocument(file('paste.b64'))).getText();
    await vscode.env.clipboard.writeText(pasted);
    const decoded = await vscode.commands.executeCommand('samlint.decodeClipboard');
    assert(decoded && decoded.document.uri.scheme === 'samlint', `opened ${decoded?.document.uri}`);
    assert(decoded.document.getText().includes('nameid-format:emailAddress'), 'not the pasted response');
  });

  await check('"Explain Rule" shows the rule’s page', async () => {
    const uri = await vscode.commands.executeCommand('samlint.explainRule', 'SAML008');
    const page = await vscode.workspace.openTextDocument(uri);
    assert(/^# SAML008/m.test(page.getText()), `page starts ${JSON.stringify(page.getText().slice(0, 80))}`);
  });

  await check('"Why Did Sign-in Fail" explains a message from the capture in front', async () => {
    await open('response.xml');
    const uri = await vscode.commands.executeCommand('samlint.whyFailed', 'Access denied');
    const report = (await vscode.workspace.openTextDocument(uri)).getText();
    assert(report.startsWith(`${file('response.xml').fsPath}: raw XML`), `report starts ${JSON.stringify(report.slice(0, 120))}`);
    assert(/shown by /.test(report), 'no symptom in the report');
  });

  await check('"Lint HAR File" opens a browser capture with its login’s finding on the SAMLResponse value', async () => {
    const editor = await vscode.commands.executeCommand('samlint.lintHarFile', file('captures/login.har'));
    const [found] = (await diagnostics(editor.document.uri, has('CX001'), 'captures/login.har')).filter((d) => codeOf(d) === 'CX001');
    assert(/^[A-Za-z0-9%]+$/.test(editor.document.getText(found.range)), 'the range is not the form value');
  });

  // The UI check that follows reads the Problems panel for the response: leave it open and in front.
  await open('response.xml');
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} of ${results.length} checks failed: ${failed.map((r) => r.name).join('; ')}`);
};
