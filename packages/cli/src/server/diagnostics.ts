import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceText, decodeCapture, findRule, parseJson, type CaptureProblem, type Finding, type Fix, type Location, type Severity, type Span } from '@samlint/core';
import { findNodeAtLocation } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/lib/common/api.js';
import { loadConfig, type Config } from '../config.js';
import { fileLocation, type FileLocation } from '../format/locations.js';
import type { FileResult } from '../format/types.js';
import { InputError, diskIo, type Io } from '../io.js';
import { lintInputs } from '../lint-inputs.js';
import { ContextCache } from './context-cache.js';
import { withSettings } from './settings.js';

/** Extensions that say a file is a capture: linted whatever is in it, so an empty or garbled paste is reported. */
const CAPTURE_EXTENSIONS = new Set(['.saml', '.b64', '.har']);
/** Extensions and language ids that may hold something samlint reads; only reported when samlint recognises it (Terraform source: an IdP's SAML app). */
const MAYBE_EXTENSIONS = new Set(['.xml', '.json', '.txt', '.tf']);
const MAYBE_LANGUAGES = new Set(['xml', 'json', 'jsonc', 'plaintext', 'terraform']);
/** HTML: a saved IdP page is linted when it holds a form that posts a SAMLResponse; any other page is none of samlint's. */
const PAGE_EXTENSIONS = new Set(['.html', '.htm']);
const PAGE_LANGUAGES = new Set(['html']);
/** What the capture stage finds in a page that posts no SAMLResponse: no such form, a SAMLRequest form, too many tags to be an IdP's page. */
const NO_RESPONSE_FORM = new Set<CaptureProblem['kind']>(['no-saml-response-field', 'saml-request', 'page-too-large']);

/** IN001's "this is not something samlint reads" message ids: on a file that is not a capture, they are noise (a package.json). */
const NOT_OURS = new Set(['empty', 'unrecognized', 'jsonUnrecognized']);

const SAML_NAMESPACES = 'urn:oasis:names:tc:SAML:';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * What a diagnostic carries for hover, the finding's help (the message already has it, the hover
 * shows it alone), and for its quick fix, the finding's fix as an edit of a file.
 */
export interface DiagnosticData {
  help: string;
  fix?: QuickFix;
  /** The machine's time the finding was checked against, when no `now` was set (ISO 8601). */
  clock?: string;
}

/** A finding's fix as an LSP edit of a document, which may be a context file (the trust policy of a response). */
export interface QuickFix {
  title: string;
  uri: string;
  range: Range;
  newText: string;
  /** The text the range held when the fix was made: the edit is offered only while it still does. */
  expected: string;
}

export interface OpenDocument {
  uri: string;
  languageId: string;
  text: string;
}

/** The file a document is, when it is one (`untitled:` buffers and `samlint-decoded:` views are not). */
export function documentPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** Whether the server lints a document at all: by extension, else by language id. */
export function isCandidate(document: OpenDocument): boolean {
  const extension = extname(documentPath(document.uri) ?? '').toLowerCase();
  return CAPTURE_EXTENSIONS.has(extension) || MAYBE_EXTENSIONS.has(extension) || MAYBE_LANGUAGES.has(document.languageId) || isPage(document);
}

function isPage({ uri, languageId }: OpenDocument): boolean {
  return PAGE_EXTENSIONS.has(extname(documentPath(uri) ?? '').toLowerCase()) || PAGE_LANGUAGES.has(languageId);
}

/**
 * Whether an HTML document is a page whose form posts a SAMLResponse, as `check` reads it; the word
 * is looked for first, so that the pages people edit all day are never parsed.
 */
function postsSamlResponse(text: string): boolean {
  if (!text.includes('SAMLResponse')) return false;
  const capture = decodeCapture(text);
  return capture.detected === 'html' && !capture.problems.some((problem) => NO_RESPONSE_FORM.has(problem.kind));
}

/** An Io over the disk from `cwd` that never writes to stdout (the LSP stream) nor reads stdin. */
function documentIo(cwd: string): Io {
  return {
    ...diskIo(cwd),
    stdout: () => undefined,
    stderr: () => undefined,
    readStdin: () => {
      throw new InputError('the language server reads no standard input');
    },
    isTTY: false,
    stderrIsTTY: false,
    env: process.env,
    clock: () => new Date(),
  };
}

/** The document being linted, and how to read the files its findings point into. */
export interface Target {
  uri: string;
  path?: string;
  /** A file's text as the findings' spans were computed on: the document as the editor holds it, others as on disk. */
  read: (file: string) => string;
  /** Where the relay state sits in the samlint.config.json that sets it, when it sits there verbatim. */
  relayState?: { path: string; span: (span: Span) => Span };
}

/** A document's lint: the results of the files it is (a HAR file holds several), and how to read the files its findings point into. */
export interface LintedDocument {
  results: FileResult[];
  target: Target;
  /** The machine's clock, when neither the config nor the settings set `now`: validity is checked against it unless a capture has its own. */
  clock?: Date;
}

/**
 * Lints a document's text as `samlint check` lints the file: the nearest samlint.config.json from the
 * document's directory up (the server's working directory for a buffer that is no file), with the
 * editor's settings filling what it does not set, its context files read from disk, its rule settings
 * applied. One difference: when neither sets `now`, validity windows, metadata `validUntil` and
 * certificate dates are checked against the machine's clock, as the user types (`check` needs `--now`
 * for them, so that a report does not depend on when it ran). Nothing when the document is none of
 * samlint's. Throws what check would report as exit 2 (a broken config). Diagnostics (`diagnosticsOf`)
 * and `samlint.why` both read this one lint. `cache` keeps context files and configs between lints.
 */
export function lintDocument(document: OpenDocument, serverCwd: string, settings?: Config, cache = new ContextCache()): LintedDocument | undefined {
  if (!isCandidate(document)) return undefined;
  const path = documentPath(document.uri);
  const page = isPage(document);
  if (page && !postsSamlResponse(document.text)) return undefined;
  // A page that posts a SAMLResponse is reported on whatever its value holds, as a capture file is.
  const capture = page || CAPTURE_EXTENSIONS.has(extname(path ?? '').toLowerCase());
  // Every SAML message and metadata declares a SAML namespace; a pom.xml or a .csproj does not.
  if (!capture && /^\uFEFF?\s*</.test(document.text) && !document.text.includes(SAML_NAMESPACES)) return undefined;
  const io = cache.reading(documentIo(path === undefined ? serverCwd : dirname(path)));
  const configFile = loadConfig(io, {}, cache.parseConfig);
  const config = withSettings(configFile, settings);
  const clock = config?.args.now === undefined ? new Date() : undefined;
  // The config is resolved here (the file under the editor's settings), so none is loaded again; an editor redacts nothing.
  const input = { source: path ?? document.uri, text: document.text, path };
  const { results } = lintInputs(io, { inputs: [input], config: false, redact: false }, { config, defaultNow: clock });
  if (!capture && results.some(({ result }) => result.findings.some((f) => f.code === 'IN001' && NOT_OURS.has(f.messageId)))) return undefined;
  const target: Target = { uri: document.uri, path, read: (file) => (file === path ? document.text : io.readFile(file)) };
  // Settings only fill what the file leaves unset: a relay state the file sets is the one linted.
  if (configFile?.args.relayState !== undefined) target.relayState = relayStateIn(resolve(io.cwd, configFile.file), target.read);
  return clock ? { results, target, clock } : { results, target };
}

/** A lint's findings as diagnostics on the document. */
export function diagnosticsOf({ results, target, clock }: LintedDocument): Diagnostic[] {
  return results.flatMap((file) => {
    // A capture's own clock (AWS's `Date` header in a HAR file) comes before the machine's.
    const machineClock = file.result.inferred.some((inferred) => inferred.what === 'now') ? undefined : clock;
    return file.result.findings.flatMap((finding) => toDiagnostic(file, finding, target, machineClock));
  });
}

/** Whether a finding's rule reads the time: it would not be there, or would say otherwise, at another moment. */
function readsClock(finding: Finding): boolean {
  return findRule(finding.code)?.meta.needs?.includes('now') ?? false;
}

/**
 * Where the config file's `relayState` string sits, as a map from spans of the relay state to spans of
 * the file; only when the string has no escapes, so that its characters are the relay state's one for one.
 */
function relayStateIn(configPath: string, read: (file: string) => string): Target['relayState'] {
  let text: string;
  try {
    text = read(configPath);
  } catch {
    return undefined;
  }
  // Found again only when the config changed: a document is linted at every pause in typing.
  if (lastRelayState?.path !== configPath || lastRelayState.text !== text) {
    lastRelayState = { path: configPath, text, place: placeOfRelayState(configPath, text) };
  }
  return lastRelayState.place;
}

let lastRelayState: { path: string; text: string; place: Target['relayState'] } | undefined;

function placeOfRelayState(configPath: string, text: string): Target['relayState'] {
  const root = parseJson(text, 'input').root;
  const node = root && findNodeAtLocation(root, ['relayState']);
  if (node?.type !== 'string' || text.slice(node.offset + 1, node.offset + node.length - 1) !== node.value) return undefined;
  const file = new SourceText(text);
  const relay = new SourceText(node.value as string);
  const at = (line: number, column: number) => node.offset + 1 + relay.offsetOf(line, column);
  return { path: configPath, span: (span) => file.span(at(span.line, span.column), at(span.endLine, span.endColumn)) };
}

/**
 * A location as a place in a file: the relay state's in the config file that holds it (it is no file of
 * its own), any other as reports name it.
 */
function placeOf(file: FileResult, location: Location | undefined, target: Target): FileLocation {
  if (location?.artifact === 'relay-state' && target.relayState) return { path: target.relayState.path, span: target.relayState.span(location.span) };
  return fileLocation(file, location);
}

/** The fix as an edit of the file it is in, when that is a file (the engine keeps fixes out of decoded text). */
function quickFix(file: FileResult, fix: Fix, target: Target): QuickFix | undefined {
  const { uri, path, read } = target;
  const at = placeOf(file, fix.location, target);
  if (at.decoded || !at.span || at.path === undefined) return undefined;
  let source: SourceText;
  try {
    source = new SourceText(read(at.path));
  } catch {
    return undefined; // the context file went away since the lint read it
  }
  const { line, column, endLine, endColumn } = at.span;
  return {
    title: fix.title,
    uri: at.path === path ? uri : pathToFileURL(at.path).href,
    range: toRange(at.span),
    newText: fix.replacement,
    expected: source.text.slice(source.offsetOf(line, column), source.offsetOf(endLine, endColumn)),
  };
}

/**
 * A finding as a diagnostic on the document. One located in a context file (a policy or metadata the
 * config names) is published only when it concerns the document, i.e. one of its labels is in it: it
 * then sits at that label, with its own place as related information. Any other is the context file's
 * own problem, not this document's; `samlint check` shows it.
 */
function toDiagnostic(file: FileResult, finding: Finding, target: Target, clock: Date | undefined): Diagnostic[] {
  const { uri, path } = target;
  const related = (location: Location | undefined, message: string): DiagnosticRelatedInformation | undefined => {
    const at = fileLocation(file, location);
    const target = at.path === path ? uri : at.path === undefined ? undefined : pathToFileURL(at.path).href;
    if (!at.span || target === undefined) return undefined;
    return { location: { uri: target, range: toRange(at.span) }, message: `${message}${at.decoded ? ` (${at.decoded})` : ''}` };
  };
  const labels = finding.labels ?? [];
  const place = fileLocation(file, finding.location);
  const anchor = place.path === path ? undefined : labels.find((label) => fileLocation(file, label.location).path === path);
  if (place.path !== path && !anchor) return [];
  const decoded = anchor ? fileLocation(file, anchor.location).decoded : place.decoded;
  const span = anchor ? fileLocation(file, anchor.location).span : place.span;
  const fix = finding.fix && quickFix(file, finding.fix, target);
  const lines = [`${finding.message}${decoded ? ` (${decoded})` : ''}`, ...(finding.notes ?? []).map((note) => `note: ${note}`), `help: ${finding.help}`];
  const diagnostic: Diagnostic = {
    range: span ? toRange(span) : START,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: finding.docsUrl },
    source: 'samlint',
    message: lines.join('\n'),
    data: { help: finding.help, ...(fix && { fix }), ...(clock && readsClock(finding) && { clock: clock.toISOString() }) } satisfies DiagnosticData,
  };
  // A relay-state finding sits at the document's start (the relay state is no part of it); the config file shows where.
  const inConfig = finding.location?.artifact === 'relay-state' && target.relayState ? target.relayState : undefined;
  const information = [
    ...(inConfig && finding.location
      ? [{ location: { uri: pathToFileURL(inConfig.path).href, range: toRange(inConfig.span(finding.location.span)) }, message: `the relay state in ${basename(inConfig.path)}` }]
      : []),
    ...(anchor ? [related(finding.location, 'the finding')] : []),
    ...labels.map((label) => related(label.location, label.message)),
  ].filter((info): info is DiagnosticRelatedInformation => info !== undefined);
  if (information.length) diagnostic.relatedInformation = information;
  return [diagnostic];
}

/** A finding with no place (an input over the size limit) sits at the document's start. */
const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * samlint's 1-based line and column, end exclusive, as LSP's 0-based position, end exclusive. Both
 * count columns in UTF-16 code units (core's offsets are JavaScript string offsets; LSP's default
 * position encoding is UTF-16) and both break lines at \n, \r\n and \r, so only the base changes.
 */
export function toRange(span: Span): Range {
  return {
    start: { line: span.line - 1, character: span.column - 1 },
    end: { line: span.endLine - 1, character: span.endColumn - 1 },
  };
}
