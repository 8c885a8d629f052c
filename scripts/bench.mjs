#!/usr/bin/env node
// `pnpm bench`: how long samlint takes, next to baselines measured in the same run on the same bytes
// (see docs/benchmarks.md). Run after a build; `--quick` for a short run, `--json` for machines.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { SAML } from '@node-saml/node-saml';
import { CONTEXT_OPTION_IDS, RULES, contextOption, lint } from '../packages/core/dist/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VECTORS = join(ROOT, 'test-vectors');
// The installed command: the bundle (packages/cli/build.mjs), as npm and the extension run it.
const CLI_BIN = join(ROOT, 'packages/cli/bin/samlint.cjs');
// Every rule but the signature family: what linting costs besides verifying signatures.
const RULES_WITHOUT_SIG = RULES.filter((rule) => rule.meta.family !== 'SIG');
// Every rule but the schema family: what schema validation adds (it runs only for the XSD rules).
const RULES_WITHOUT_XSD = RULES.filter((rule) => rule.meta.family !== 'XSD');
// The speed targets (issues 11 and 15): ratios of medians measured in the same run, on the inputs each is about.
const TARGETS = [
  { id: 'lint-vs-node-saml', what: 'lint ÷ node-saml', goal: 0.25, inputs: ['bench-typical', 'bench-50-attributes'] },
  { id: 'lint-vs-xmlsec1', what: 'lint ÷ xmlsec1 --verify (process)', goal: 2, inputs: ['bench-1mb'] },
  { id: 'without-sig-vs-bare-parse', what: 'lint without SIG ÷ bare parse', goal: 2, inputs: ['bench-typical', 'bench-50-attributes', 'bench-1mb'] },
  { id: 'version-vs-node-e0', what: 'samlint --version ÷ node -e 0 (process)', goal: 1.3, inputs: ['–'] },
  { id: 'check-vs-node-e0', what: 'samlint check --format json ÷ node -e 0 (process)', goal: 2, inputs: ['bench-typical'] },
  // Issue 15: a time, not a ratio: what a user waits for after pausing, on a response with the whole context.
  { id: 'editor-keystroke', what: 'editor: didChange → diagnostics, minus the pause', goal: 10, unit: 'ms', inputs: ['bench-editor'] },
];
// The XML parser samlint itself uses (core's own dependency), so "bare parse" is the same library.
const { DOMParser } = createRequire(join(ROOT, 'packages/core/package.json'))('@xmldom/xmldom');

const USAGE = 'usage: node scripts/bench.mjs [--quick] [--json]';
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--quick' && a !== '--json');
if (unknown.length) {
  console.error(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const QUICK = args.includes('--quick');
const AS_JSON = args.includes('--json');

// Rounds run until both minRounds and budgetMs are reached (or maxRounds), so a slow input still gets
// enough samples and a fast one does not take all day. These keep a full run under ~2 minutes on 2 cores.
const PLANS = QUICK
  ? {
      inProcess: { warmupMs: 200, warmupRounds: 1, budgetMs: 700, minRounds: 3, maxRounds: 100 },
      process: { warmupMs: 0, warmupRounds: 1, budgetMs: 2_500, minRounds: 3, maxRounds: 10 },
      editor: { warmupMs: 0, warmupRounds: 2, budgetMs: 1_500, minRounds: 3, maxRounds: 20, serverWarmupMs: 500 },
    }
  : {
      inProcess: { warmupMs: 1_500, warmupRounds: 3, budgetMs: 6_000, minRounds: 10, maxRounds: 1_000 },
      process: { warmupMs: 0, warmupRounds: 2, budgetMs: 20_000, minRounds: 10, maxRounds: 50 },
      // Each round waits out the server's 200 ms pause for typing.
      editor: { warmupMs: 1_500, warmupRounds: 3, budgetMs: 8_000, minRounds: 10, maxRounds: 200, serverWarmupMs: 1_500 },
    };

const progress = (line) => process.stderr.write(`${line}\n`);

/** The context options that name files (relative to test-vectors/ in the manifest): core takes their text. */
const FILE_OPTIONS = CONTEXT_OPTION_IDS.filter((id) => contextOption(id).type === 'file');

/** The bench vectors and their lint context, read as vectors.test.ts reads them. */
function loadInputs() {
  const manifest = JSON.parse(readFileSync(join(VECTORS, 'manifest.json'), 'utf8'));
  const entries = manifest.filter((entry) => entry.file.startsWith('bench/'));
  if (!entries.length) throw new Error('no bench/ vectors in test-vectors/manifest.json: run `pnpm vectors`');
  return entries.map((entry) => {
    const path = join(VECTORS, entry.file);
    const text = readFileSync(path, 'utf8');
    const options = { ...entry.options };
    const read = (file) => readFileSync(join(VECTORS, file), 'utf8');
    for (const id of FILE_OPTIONS) {
      const value = options[id];
      if (value !== undefined) options[id] = Array.isArray(value) ? value.map(read) : read(value);
    }
    return {
      name: entry.file.replace(/^bench\/|\.\w+$/g, ''),
      path,
      text,
      options,
      cliOptions: entry.options,
      expect: entry.expect,
      inputBytes: Buffer.byteLength(text),
      xmlBytes: Buffer.from(text, 'base64').length,
    };
  });
}

/** An input's context with each file option's paths made absolute, as a samlint.config.json or flags give it. */
function absoluteContext(input) {
  const context = { ...input.cliOptions };
  for (const id of FILE_OPTIONS) {
    const value = context[id];
    if (value !== undefined) context[id] = Array.isArray(value) ? value.map((v) => join(VECTORS, v)) : join(VECTORS, value);
  }
  return context;
}

/**
 * Times each task once per round, rotating which goes first so that GC debt left by one task is not
 * always paid by the same neighbour. Returns the samples (ms) per task.
 */
async function measure(tasks, plan) {
  const runRound = async (round, samples) => {
    for (let k = 0; k < tasks.length; k++) {
      const index = (round + k) % tasks.length;
      const start = performance.now();
      let result = tasks[index]();
      if (result instanceof Promise) result = await result;
      // A task that times itself (the editor's, which leaves out the pause for typing) returns its time.
      samples?.[index].push(typeof result === 'number' ? result : performance.now() - start);
    }
  };
  const warmupStart = performance.now();
  for (let round = 0; round < plan.warmupRounds || performance.now() - warmupStart < plan.warmupMs; round++) {
    await runRound(round);
  }
  const samples = tasks.map(() => []);
  const start = performance.now();
  for (let round = 0; round < plan.maxRounds; round++) {
    if (round >= plan.minRounds && performance.now() - start >= plan.budgetMs) break;
    await runRound(round, samples);
  }
  return samples.map(summarise);
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: rank(0.5), p90: rank(0.9), samples: sorted.length };
}

/** node-saml as a service provider for AWS would configure it, minus the clock (the vectors are dated). */
function nodeSamlValidator() {
  const saml = new SAML({
    idpCert: readFileSync(join(VECTORS, 'keys/idp.crt'), 'utf8'),
    issuer: 'urn:amazon:webservices',
    audience: 'urn:amazon:webservices',
    callbackUrl: 'https://eu-west-2.signin.aws.amazon.com/saml',
    acceptedClockSkewMs: -1,
    // The generator signs the Assertion only, which AWS accepts.
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
  });
  return (text) => saml.validatePostResponseAsync({ SAMLResponse: text });
}

/** A row whose tool rejects the input is left out rather than timed on its error path. */
async function benchInProcess(input, validate) {
  const codes = [...new Set(lint(input.text, input.options).findings.map((f) => f.code))].sort();
  let nodeSamlProblem;
  try {
    await validate(input.text);
  } catch (error) {
    nodeSamlProblem = `node-saml rejected it: ${error.message}`;
  }
  const tasks = [
    () => lint(input.text, input.options),
    () => new DOMParser().parseFromString(Buffer.from(input.text, 'base64').toString('utf8'), 'text/xml'),
    () => lint(input.text, input.options, RULES_WITHOUT_SIG),
    () => lint(input.text, input.options, RULES_WITHOUT_XSD),
  ];
  if (!nodeSamlProblem) tasks.push(() => validate(input.text));
  const [samlint, bareParse, withoutSig, withoutXsd, nodeSaml] = await measure(tasks, PLANS.inProcess);
  return {
    input: input.name,
    file: relative(ROOT, input.path),
    inputBytes: input.inputBytes,
    xmlBytes: input.xmlBytes,
    expected: input.expect,
    reported: codes,
    samlint,
    bareParse,
    withoutSig,
    withoutXsd,
    xsdMs: samlint.median - withoutXsd.median,
    nodeSaml: nodeSaml ?? { skipped: nodeSamlProblem },
    ratios: {
      vsBareParse: samlint.median / bareParse.median,
      vsNodeSaml: nodeSaml ? samlint.median / nodeSaml.median : null,
      withoutSigVsBareParse: withoutSig.median / bareParse.median,
    },
  };
}

const spawnNode = (nodeArgs) =>
  // Generous maxBuffer: past the default 1 MB spawnSync kills the child, which would look like a crash.
  spawnSync(process.execPath, nodeArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// The CLI gets the same context as the in-process lint, so both rows run the same rules.
function cliArgs(input) {
  const context = Object.entries(absoluteContext(input)).flatMap(([id, value]) =>
    (Array.isArray(value) ? value : [value]).flatMap((v) => [contextOption(id).flag, v]),
  );
  return [CLI_BIN, 'check', input.path, '--format', 'json', ...context];
}

/** Why the CLI cannot be timed on this input, or undefined when it runs and prints JSON. */
function cliProblem(input) {
  const run = spawnNode(cliArgs(input));
  if (run.error) return run.error.message;
  try {
    JSON.parse(run.stdout);
    return undefined;
  } catch {
    const detail = run.stderr.trim().split('\n')[0] || 'no JSON on stdout';
    return `exit ${run.status ?? run.signal}: ${detail}`;
  }
}

/** xmlsec1 verifying the Assertion's signature with the IdP certificate, as a SAML consumer built on it would. */
const xmlsec1Args = (xmlPath) => [
  '--verify',
  '--pubkey-cert-pem',
  join(VECTORS, 'keys/idp.crt'),
  '--id-attr:ID',
  'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
  xmlPath,
];
const spawnXmlsec1 = (args) => spawnSync('xmlsec1', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Why xmlsec1 cannot be timed on this file, or undefined when it verifies it. */
function xmlsec1Problem(xmlPath) {
  const run = spawnXmlsec1(xmlsec1Args(xmlPath));
  if (run.error) return run.error.code === 'ENOENT' ? 'xmlsec1 is not installed' : run.error.message;
  if (run.status === 0) return undefined;
  return `exit ${run.status ?? run.signal}: ${run.stderr.trim().split('\n').pop() || 'no message'}`;
}

/**
 * Whole processes, in the same rounds: `node -e 0`, the CLI on each input, and xmlsec1 --verify on each
 * input's XML (decoded into a temporary file before any timing, since xmlsec1 reads XML, not base64).
 */
async function benchProcesses(inputs) {
  const tasks = [() => spawnNode(['-e', '0'])];
  const cli = [];
  const cliSkipped = [];
  // Start-up alone: what every run pays before it reads its first byte.
  const versionTask = existsSync(CLI_BIN) ? tasks.push(() => spawnNode([CLI_BIN, '--version'])) - 1 : undefined;
  if (existsSync(CLI_BIN)) {
    for (const input of inputs) {
      const problem = cliProblem(input);
      if (problem) cliSkipped.push({ input: input.name, skipped: problem });
      else cli.push({ input, task: tasks.push(() => spawnNode(cliArgs(input))) - 1 });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'samlint-bench-xml-'));
  try {
    const xmlsec1 = [];
    const xmlsec1Skipped = [];
    for (const input of inputs) {
      const xmlPath = join(dir, `${input.name}.xml`);
      writeFileSync(xmlPath, Buffer.from(input.text, 'base64'));
      const problem = xmlsec1Problem(xmlPath);
      if (problem) xmlsec1Skipped.push({ input: input.name, skipped: problem });
      else xmlsec1.push({ input, task: tasks.push(() => spawnXmlsec1(xmlsec1Args(xmlPath))) - 1 });
      // Not installed: no point trying the other inputs.
      if (problem === 'xmlsec1 is not installed') break;
    }
    const stats = await measure(tasks, PLANS.process);
    const baseline = stats[0];
    const vsBaseline = (task) => ({ ...stats[task], vsNodeE0: stats[task].median / baseline.median, overheadMs: stats[task].median - baseline.median });
    const cliRow = ({ input, task }) => ({ input: input.name, ...vsBaseline(task) });
    return {
      baseline,
      version: versionTask === undefined ? undefined : vsBaseline(versionTask),
      cli: existsSync(CLI_BIN)
        ? [...cli.map(cliRow), ...cliSkipped]
        : { skipped: `${relative(ROOT, CLI_BIN)} is not built yet (npx tsc -b packages/core packages/cli)` },
      xmlsec1: [...xmlsec1.map(({ input, task }) => ({ input: input.name, ...stats[task] })), ...xmlsec1Skipped],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each target's measure (a ratio of medians, or a median in ms) on each of its inputs, from this run (null when a row was skipped). */
function targets(report) {
  const inProcess = new Map(report.inProcess.map((r) => [r.input, r]));
  const xmlsec1 = new Map((report.process.xmlsec1 ?? []).filter((r) => !r.skipped).map((r) => [r.input, r]));
  const editor = new Map((report.editor.rows ?? []).map((r) => [r.input, r]));
  const cliRows = new Map((Array.isArray(report.process.cli) ? report.process.cli : []).filter((r) => !r.skipped).map((r) => [r.input, r]));
  const measured = (id, input) => {
    if (id === 'editor-keystroke') return editor.get(input)?.server.median ?? null;
    if (id === 'version-vs-node-e0') return report.process.version?.vsNodeE0 ?? null;
    if (id === 'check-vs-node-e0') return cliRows.get(input)?.vsNodeE0 ?? null;
    const r = inProcess.get(input);
    if (!r) return null;
    if (id === 'lint-vs-node-saml') return r.ratios.vsNodeSaml;
    if (id === 'lint-vs-xmlsec1') return xmlsec1.has(input) ? r.samlint.median / xmlsec1.get(input).median : null;
    return r.ratios.withoutSigVsBareParse;
  };
  return TARGETS.flatMap(({ id, what, goal, unit = '×', inputs }) =>
    inputs
      .filter((input) => inProcess.has(input) || id.endsWith('-vs-node-e0'))
      .map((input) => {
        const value = measured(id, input);
        return { target: id, what, input, value, unit, goal, met: value === null ? null : value <= goal };
      }),
  );
}

/**
 * What an editor waits for after a keystroke: one long-running `samlint server --stdio` with each input
 * open as the XML a user edits (decoded, in a folder of its own whose samlint.config.json gives the
 * same context), and each round a `didChange` of one character of its last attribute value (made and
 * undone in turn) until the diagnostics for that version arrive, minus the server's pause for typing
 * (DEBOUNCE_MS; a timer fires a little late, so the row errs on the slow side). Next to it, `lint()` of
 * the same edited texts in this process. The rounds time the server as an editor has it after a while
 * of typing: one lint per pause leaves V8 compiling the lint for dozens of keystrokes (the first
 * twenty took half as long again as the next hundred), so the server first lints the document for
 * serverWarmupMs through `samlint.why`, the same lint without the pause, as the in-process rows' warm-up
 * lints hundreds of times. The first keystrokes, before that, are reported on their own.
 */
/** Keystrokes timed on their own right after a document opens, before the server's warm-up. */
const FIRST_KEYSTROKES = 5;

async function benchEditor(inputs) {
  if (!existsSync(CLI_BIN)) return { skipped: `${relative(ROOT, CLI_BIN)} is not built yet` };
  const { DEBOUNCE_MS } = await import('../packages/cli/dist/server/session.js');
  const protocol = createRequire(join(ROOT, 'packages/cli/package.json'))('vscode-languageserver-protocol/node');
  const server = spawn(process.execPath, [CLI_BIN, 'server', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(server.stdout), new protocol.StreamMessageWriter(server.stdin));
  const waiting = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, ({ uri, version }) => waiting.get(`${uri}@${version}`)?.());
  connection.listen();
  const dir = mkdtempSync(join(tmpdir(), 'samlint-bench-'));
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
  try {
    await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(protocol.InitializedNotification.type, {});
    const rows = [];
    for (const input of inputs) {
      progress(`editor: ${input.name}…`);
      const home = mkdtempSync(join(dir, `${input.name}-`));
      writeFileSync(join(home, 'samlint.config.json'), JSON.stringify(absoluteContext(input)));
      const xml = Buffer.from(input.text, 'base64').toString('utf8');
      const at = xml.lastIndexOf('</saml:AttributeValue>') - 1;
      const texts = [xml, `${xml.slice(0, at)}${xml[at] === 'X' ? 'Y' : 'X'}${xml.slice(at + 1)}`];
      const before = xml.slice(0, at);
      const line = before.split('\n').length - 1;
      const character = at - (before.lastIndexOf('\n') + 1);
      const uri = pathToFileURL(join(home, `${input.name}.xml`)).href;
      let version = 1;
      const opened = published(uri, version);
      void connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version, text: xml } });
      await opened;
      const type = async () => {
        version++;
        const start = performance.now();
        const done = published(uri, version);
        const range = { start: { line, character }, end: { line, character: character + 1 } };
        void connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range, text: texts[version % 2][at] }],
        });
        await done;
        return performance.now() - start - DEBOUNCE_MS;
      };
      const first = [];
      for (let i = 0; i < FIRST_KEYSTROKES; i++) first.push(await type());
      const warmUntil = performance.now() + PLANS.editor.serverWarmupMs;
      while (performance.now() < warmUntil) {
        await connection.sendRequest(protocol.ExecuteCommandRequest.type, { command: 'samlint.why', arguments: [{ message: 'Access denied', uri }] });
      }
      let edits = 0;
      const lintEdited = () => lint(texts[++edits % 2], input.options);
      const [served, linted] = await measure([type, lintEdited], PLANS.editor);
      rows.push({ input: input.name, first: summarise(first), server: served, lint: linted, vsLint: served.median / linted.median, overheadMs: served.median - linted.median });
    }
    return { rows };
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
const timing = (stats) => (stats.skipped ? 'skipped' : `${ms(stats.median)} / ${ms(stats.p90)}`);
const ratio = (value) => (value === null ? '–' : `${value.toFixed(value >= 10 ? 0 : 2)}×`);
const size = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

function table(header, rows) {
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c].length)));
  return [header, ...rows].map((row) => row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

function printReport(report) {
  const lines = [
    `samlint bench, ${report.date}: Node ${report.node}, ${report.platform}, ${report.cpus} × ${report.cpuModel}, load average ${report.loadAverage.toFixed(2)} (${report.mode} run)`,
    '',
    'In process, one call (ms, median / p90); × = samlint median ÷ that baseline median',
    table(
      ['input', 'base64', 'XML', 'samlint lint', 'bare parse', '×', 'node-saml', '×', 'lint without SIG', '÷ bare parse', 'XSD adds', 'rounds'],
      report.inProcess.map((r) => [
        r.input,
        size(r.inputBytes),
        size(r.xmlBytes),
        timing(r.samlint),
        timing(r.bareParse),
        ratio(r.ratios.vsBareParse),
        timing(r.nodeSaml),
        ratio(r.ratios.vsNodeSaml),
        timing(r.withoutSig),
        ratio(r.ratios.withoutSigVsBareParse),
        `${ms(r.xsdMs)} ms`,
        String(r.samlint.samples),
      ]),
    ),
    '  bare parse       = base64 decode + @xmldom/xmldom DOMParser.parseFromString (no checks)',
    '  node-saml        = validatePostResponseAsync: decode, parse, signature check, audience (clock checks off)',
    '  lint without SIG = lint() with every rule but the SIG family (no signature verification)',
    '  XSD adds         = samlint lint − lint() with every rule but the XSD family (schema validation)',
  ];
  for (const r of report.inProcess) {
    if (r.nodeSaml.skipped) lines.push(`  ${r.input}: node-saml row skipped, ${r.nodeSaml.skipped}`);
    if (r.reported.join() !== r.expected.join()) {
      lines.push(`  note: ${r.input} reported [${r.reported}] but the manifest expects [${r.expected}]`);
    }
  }
  lines.push(
    '',
    'Whole process: `samlint --version`, `samlint check <file> --format json` with the same context, and `xmlsec1 --verify` of the same XML (ms, median / p90)',
  );
  const { baseline, version, cli, xmlsec1 } = report.process;
  const cliRow = (c) => {
    const name = `samlint check ${c.input}`;
    return c.skipped ? [name, 'skipped', '', '', ''] : [name, timing(c), ratio(c.vsNodeE0), `+${ms(c.overheadMs)} ms`, String(c.samples)];
  };
  // xmlsec1 is no Node process: its time next to `node -e 0` would say nothing.
  const xmlsec1Row = (c) => [`xmlsec1 --verify ${c.input}`, c.skipped ? 'skipped' : timing(c), '', '', c.skipped ? '' : String(c.samples)];
  lines.push(
    table(
      ['process', 'wall time', '÷ node -e 0', 'over node -e 0', 'rounds'],
      [
        ['node -e 0', timing(baseline), '1×', '', String(baseline.samples)],
        ...(version ? [['samlint --version', timing(version), ratio(version.vsNodeE0), `+${ms(version.overheadMs)} ms`, String(version.samples)]] : []),
        ...(cli.skipped ? [] : cli.map(cliRow)),
        ...xmlsec1.map(xmlsec1Row),
      ],
    ),
    '  xmlsec1 --verify = --pubkey-cert-pem keys/idp.crt --id-attr:ID Assertion, on the decoded XML in a file',
  );
  if (cli.skipped) lines.push(`  CLI rows skipped: ${cli.skipped}`);
  else for (const c of cli) if (c.skipped) lines.push(`  samlint check ${c.input}: ${c.skipped}`);
  for (const c of xmlsec1) if (c.skipped) lines.push(`  xmlsec1 ${c.input}: ${c.skipped}`);
  lines.push('', 'Editor, `samlint server --stdio`: a keystroke in the decoded XML until its diagnostics arrive, minus the pause for typing (ms, median / p90)');
  if (report.editor.skipped) {
    lines.push(`  editor rows skipped: ${report.editor.skipped}`);
  } else {
    lines.push(
      table(
        ['input', 'didChange → diagnostics', 'lint in process', '×', 'over lint', 'rounds', `first ${FIRST_KEYSTROKES} keystrokes`],
        report.editor.rows.map((r) => [r.input, timing(r.server), timing(r.lint), ratio(r.vsLint), `+${ms(r.overheadMs)} ms`, String(r.server.samples), timing(r.first)]),
      ),
      '  didChange → diagnostics = over stdio, less the server’s 200 ms pause: config and context files (cached), lint, LSP mapping, JSON-RPC;',
      '                            timed after the server has linted the document for a while, as in a typing session',
      `  first ${FIRST_KEYSTROKES} keystrokes     = the same, right after the document opens (the server has linted the inputs above it)`,
    );
  }
  lines.push(
    '',
    'Targets (issues 11 and 15): ratios of medians, or medians, from the rows above',
    table(
      ['target', 'input', 'measured', 'goal', 'met'],
      report.targets.map((t) => [
        t.what,
        t.input,
        t.unit === 'ms' ? (t.value === null ? '–' : `${ms(t.value)} ms`) : ratio(t.value),
        `≤ ${t.goal}${t.unit === 'ms' ? ' ms' : '×'}`,
        t.met === null ? 'row skipped' : t.met ? 'yes' : 'no',
      ]),
    ),
  );
  console.log(lines.join('\n'));
}

const inputs = loadInputs();
const validate = nodeSamlValidator();
const report = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
  // Other work on the machine skews every row; the load at the start says how much to trust them.
  loadAverage: loadavg()[0],
  mode: QUICK ? 'quick' : 'full',
  inProcess: [],
  process: undefined,
  editor: undefined,
  targets: undefined,
};
for (const input of inputs) {
  progress(`in process: ${input.name}…`);
  report.inProcess.push(await benchInProcess(input, validate));
}
progress('whole process: node -e 0, the CLI and xmlsec1…');
report.process = await benchProcesses(inputs);
report.editor = await benchEditor(inputs);
report.targets = targets(report);
if (AS_JSON) console.log(JSON.stringify(report, null, 2));
else printReport(report);
