// The page in a real headless Chromium, opened from file://: for every vector of test-vectors/manifest.json
// it pastes the input (opens it, when its bytes are not UTF-8 text), sets the vector's context in the
// side panel, waits for the findings, and compares codes, severities and primary positions, and each
// signature's place, status, parent and certificate, with `samlint check --format json` given the same
// context as flags. Terraform source (`.tf`) is the exception: the page leaves the HCL parser out
// (packages/web/src/no-hcl-parser.ts), so it must say it does not read the file, and show no finding.
// Every request the page makes is
// recorded and refused; any one fails the test, as does anything left in storage or the URL. Saves a screenshot of a failing login to
// .e2e/artifacts/web-failing-login.png, and checks on that login that Copy report copies what
// `samlint check --redact` says, and none of the personal values it hides. Run by .ci/run after the unit tests (packages/web/e2e/setup.sh
// installs Chromium, Firefox ESR and playwright-core). `node packages/web/e2e/run.mjs [--firefox]
// [substring…]` runs the vectors whose file names contain one of the substrings, in Debian's Chromium,
// or with --firefox in Debian's Firefox ESR (Playwright drives it over WebDriver BiDi, its `moz-firefox`
// channel, as it would any Firefox a user has).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTEXT_OPTION_IDS, contextOption, contextValue } from '@samlint/core';
import { DIST, buildPage } from '../build.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const E2E = join(ROOT, '.e2e');

const CLI = join(ROOT, 'packages/cli/dist/bin.js');
/** The vector whose page is kept as a picture: a login Amazon Connect refuses, with its findings on the XML. */
const SCREENSHOT_VECTOR = 'cx/user-not-in-list.xml';
const FIREFOX = process.argv.includes('--firefox');
const BROWSER = FIREFOX ? 'Firefox' : 'Chromium';
// Each browser with the Playwright setup.sh installed for it.
const { chromium, firefox } = createRequire(join(E2E, FIREFOX ? 'pw-firefox/' : 'pw/'))('playwright-core');
const only = process.argv.slice(2).filter((arg) => arg !== '--firefox');

const vectors = JSON.parse(readFileSync(join(ROOT, 'test-vectors/manifest.json'), 'utf8')).filter((v) => !only.length || only.some((s) => v.file.includes(s)));
const vectorPath = (name) => join(ROOT, 'test-vectors', name);

/** A vector's context by option id: files as paths, times as ISO 8601 (the mapping of packages/cli/test/vector-args.ts). */
function vectorContext(vector) {
  const context = {};
  for (const id of CONTEXT_OPTION_IDS) {
    const value = contextValue(vector.options ?? {}, id);
    // An empty list of certificates is no certificate: no flag, no file to open.
    if (value === undefined || (Array.isArray(value) && !value.length)) continue;
    if (contextOption(id).type !== 'file') context[id] = String(value);
    else context[id] = Array.isArray(value) ? value.map(vectorPath) : [vectorPath(value)];
  }
  return context;
}

/** `samlint check --format json` of a vector with its context as flags, and any more flags given. */
function cliJson(vector, context, ...more) {
  const flags = Object.entries(context).flatMap(([id, value]) => (Array.isArray(value) ? value.flatMap((item) => [contextOption(id).flag, item]) : [contextOption(id).flag, value]));
  try {
    return JSON.parse(execFileSync(process.execPath, [CLI, 'check', vectorPath(vector.file), '--no-config', ...flags, ...more, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  } catch (error) {
    // Exit code 1: there are errors. The JSON is on stdout all the same.
    return JSON.parse(error.stdout);
  }
}

function cliFindings(vector, context) {
  const { files } = cliJson(vector, context);
  return {
    detected: files[0]?.detected,
    findings: files.flatMap((file) => file.findings.map((f) => `${f.code} ${f.severity} ${f.location ? `${f.location.span.line}:${f.location.span.column}` : '-'}`)).sort(),
    // Every login's, in order: the page holds one tab per login of a HAR file.
    signing: files.flatMap((file) => file.signing ?? []).map((s) => `${s.location.span.line}:${s.location.span.column} ${s.status} ${s.parent ?? '-'} ${s.verifiedWith?.fingerprint256 ?? '-'}`),
  };
}

async function pageFindings(page, vector, context) {
  await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
  const now = page.getByTestId('context-now');
  // The page starts with the browser's clock; a vector without `now` leaves times unchecked, as the CLI does.
  await now.fill(context.now ?? '');
  for (const [id, value] of Object.entries(context)) {
    if (id === 'now') continue;
    const { type, flag } = contextOption(id);
    const name = flag.slice(2);
    if (type === 'file') {
      await page.getByTestId(`context-${name}-file`).setInputFiles(value);
      await page.waitForFunction((testid) => document.querySelector(`[data-testid="${testid}"]`).value !== '', `context-${name}`);
    } else if (type === 'choice') await page.getByTestId(`context-${name}`).selectOption(value);
    else await page.getByTestId(`context-${name}`).fill(value);
  }
  const bytes = readFileSync(vectorPath(vector.file));
  const text = bytes.toString('utf8');
  // An empty file, or one that is not UTF-8 text, cannot be pasted as it is: it is opened, as a user would.
  if (text === '' || text.includes('\uFFFD') || text.includes('\r')) await page.getByTestId('input-file').setInputFiles(vectorPath(vector.file));
  else await page.getByTestId('input').fill(text);
  await page.waitForFunction(() => document.getElementById('results').dataset.state === 'done', undefined, { timeout: 60_000 });
  const findings = await page.getByTestId('finding').evaluateAll((items) =>
    items.map((item) => `${item.dataset.code} ${item.dataset.severity} ${item.dataset.line ? `${item.dataset.line}:${item.dataset.column}` : '-'}`),
  );
  const signing = await page.getByTestId('signature').evaluateAll((items) =>
    items.map((item) => `${item.dataset.line}:${item.dataset.column} ${item.dataset.status} ${item.dataset.parent ?? '-'} ${item.dataset.fingerprint ?? '-'}`),
  );
  return { detected: await page.getByTestId('detected').textContent(), findings: findings.sort(), signing };
}

/**
 * What is wrong with the reports Copy report puts on the clipboard (captured in the page): each must
 * hold every message `samlint check --redact` gives, and none of the unredacted messages that differ.
 */
async function copiedReportProblems(page, vector, context) {
  const messages = (json) => json.files.flatMap((file) => file.findings.map((finding) => finding.message));
  const redacted = messages(cliJson(vector, context, '--redact'));
  const hidden = messages(cliJson(vector, context)).filter((message) => !redacted.includes(message));
  if (!hidden.length) return [`${vector.file}: redaction hides nothing here, so Copy report is not tested`];
  await page.evaluate(() => {
    window.samlintCopied = [];
    navigator.clipboard.writeText = async (text) => void window.samlintCopied.push(text);
  });
  await page.locator('#copy-markdown').click();
  await page.locator('#copy-json').click();
  const [markdown, json] = await page.evaluate(() => window.samlintCopied);
  const problems = [];
  for (const [what, text] of [['Markdown', markdown], ['JSON', json]]) {
    if (typeof text !== 'string') {
      problems.push(`${vector.file}: Copy report (${what}) copied nothing`);
      continue;
    }
    const copied = what === 'JSON' ? JSON.parse(text).flatMap((result) => result.findings.map((finding) => finding.message)) : undefined;
    for (const message of redacted) if (!(copied ? copied.includes(message) : text.includes(message))) problems.push(`${vector.file}: Copy report (${what}) lacks "${message}"`);
    for (const message of hidden) if (text.includes(message)) problems.push(`${vector.file}: Copy report (${what}) holds the unredacted "${message}"`);
  }
  return problems;
}

await buildPage();
const browser = FIREFOX
  ? await firefox.launch({ channel: 'moz-firefox', executablePath: '/usr/bin/firefox-esr', headless: true })
  : await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const failures = [];
const requests = [];
const pageErrors = [];
try {
  const browserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // Every request is recorded; the page's own files from file:// are the only ones let through.
  await browserContext.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(pathToFileURL(DIST).href)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await browserContext.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(pathToFileURL(DIST).href)) requests.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  for (const vector of vectors) {
    const context = vectorContext(vector);
    const expected = cliFindings(vector, context);
    const unreadHere = vector.file.endsWith('.tf');
    let actual;
    try {
      actual = await pageFindings(page, vector, context);
    } catch (error) {
      if (process.env.VERBOSE) console.log(vector.file, error.message.split('\n')[0]);
      failures.push(`${vector.file}: ${error.message.split('\n')[0]}${pageErrors.length ? ` (page error: ${pageErrors.at(-1)})` : ''}`);
      continue;
    }
    if (unreadHere) {
      if (actual.findings.length || !/^Detected: Terraform source, not read: this page does not read Terraform source/.test(actual.detected ?? '')) {
        failures.push(`${vector.file}: the page should say it does not read Terraform source, and show no finding; it says "${actual.detected}" with [${actual.findings.join(', ')}]`);
      }
      continue;
    }
    const missing = expected.findings.filter((f) => !actual.findings.includes(f));
    const extra = actual.findings.filter((f) => !expected.findings.includes(f));
    if (process.env.VERBOSE) console.log(vector.file, missing.length + extra.length ? 'differs' : 'equal');
    if (missing.length || extra.length || actual.findings.length !== expected.findings.length) failures.push(`${vector.file}: CLI only [${missing.join(', ')}], page only [${extra.join(', ')}]`);
    else if (actual.detected !== `Detected: ${expected.detected}`) failures.push(`${vector.file}: page says "${actual.detected}", CLI detected "${expected.detected}"`);
    else if (actual.signing.join('\n') !== expected.signing.join('\n')) failures.push(`${vector.file}: page signatures [${actual.signing.join('; ')}], CLI [${expected.signing.join('; ')}]`);
    if (vector.file === SCREENSHOT_VECTOR) {
      mkdirSync(join(E2E, 'artifacts'), { recursive: true });
      await page.locator('mark').first().click();
      // Chromium's only: Playwright's screenshot in Firefox injects a <style>, which the page's CSP
      // refuses (as it should), and that would count as a page error.
      if (!FIREFOX) await page.screenshot({ path: join(E2E, 'artifacts/web-failing-login.png') });
      const [lint, render] = await page.evaluate(() => ['samlint lint', 'samlint render'].map((name) => performance.getEntriesByName(name).at(-1)?.duration.toFixed(1)));
      console.log(`${vector.file}: lint ${lint} ms, render ${render} ms`);
      failures.push(...(await copiedReportProblems(page, vector, context)));
    }
    // Nothing pasted is kept: no storage, nothing in the URL.
    const kept = await page.evaluate(() => ({ stored: localStorage.length + sessionStorage.length + document.cookie.length, url: location.search + location.hash }));
    if (kept.stored || kept.url) failures.push(`${vector.file}: the page kept something (${kept.stored} stored, URL ${kept.url})`);
  }
} finally {
  await browser.close();
}
for (const failure of failures) console.error(`not equal: ${failure}`);
for (const url of requests) console.error(`request made: ${url}`);
for (const error of pageErrors) console.error(`page error: ${error}`);
// A vector may fail in more than one way: each failure starts with its file.
const failing = new Set(vectors.filter((vector) => failures.some((failure) => failure.startsWith(`${vector.file}:`))).map((vector) => vector.file));
console.log(`samlint web e2e (${BROWSER}): ${vectors.length} vectors, ${vectors.length - failing.size} equal to the CLI, ${requests.length} requests, ${pageErrors.length} page errors`);
if (failures.length || requests.length || pageErrors.length) process.exitCode = 1;
