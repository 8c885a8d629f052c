import { dirname, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceText, findRule, type Finding, type Fix, type Location, type Severity, type Span } from '@samlint/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node.js';
import { loadConfig, mergeArgs } from '../config.js';
import { fileLocation } from '../format/locations.js';
import type { FileResult } from '../format/types.js';
import { InputError, diskIo, type Io } from '../io.js';
import { contextFiles, lintText } from '../lint-inputs.js';
import { toLintOptions } from '../options.js';

/** Extensions that say a file is a capture: linted whatever is in it, so an empty or garbled paste is reported. */
const CAPTURE_EXTENSIONS = new Set(['.saml', '.b64', '.har']);
/** Extensions and language ids that may hold something samlint reads; only reported when samlint recognises it. */
const MAYBE_EXTENSIONS = new Set(['.xml', '.json', '.txt']);
const MAYBE_LANGUAGES = new Set(['xml', 'json', 'jsonc', 'plaintext']);

/** IN001's "this is not something samlint reads" messages: on a file that is not a capture, they are noise (a package.json). */
const NOT_OURS = new Set(
  (['empty', 'unrecognized', 'jsonUnrecognized'] as const).map((id) => findRule('IN001')?.meta.messages[id]?.message),
);

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

/** The file a document is, when it is one (`untitled:` buffers are not). */
function documentPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** Whether the server lints a document at all: by extension, else by language id. */
export function isCandidate({ uri, languageId }: OpenDocument): boolean {
  const extension = extname(documentPath(uri) ?? '').toLowerCase();
  return CAPTURE_EXTENSIONS.has(extension) || MAYBE_EXTENSIONS.has(extension) || MAYBE_LANGUAGES.has(languageId);
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

/**
 * Lints a document's text as `samlint check` lints the file: the nearest samlint.config.json from the
 * document's directory up (the server's working directory for a buffer that is no file), its context
 * files read from disk, its rule settings applied. Throws what check would report as exit 2 (a broken config).
 */
export function lintDocument(document: OpenDocument, serverCwd: string): Diagnostic[] {
  if (!isCandidate(document)) return [];
  const path = documentPath(document.uri);
  const capture = CAPTURE_EXTENSIONS.has(extname(path ?? '').toLowerCase());
  // Every SAML message and metadata declares a SAML namespace; a pom.xml or a .csproj does not.
  if (!capture && /^\uFEFF?\s*</.test(document.text) && !document.text.includes(SAML_NAMESPACES)) return [];
  const io = documentIo(path === undefined ? serverCwd : dirname(path));
  const config = loadConfig(io, {});
  const args = mergeArgs({}, config);
  const context = contextFiles(args);
  const files: FileResult['files'] = path === undefined ? context : { input: path, ...context };
  const results = lintText(document.text, path ?? document.uri, files, toLintOptions(args, io), config?.settings ?? {});
  if (!capture && results.some(({ result }) => result.findings.some((f) => f.code === 'IN001' && NOT_OURS.has(f.message)))) return [];
  // The texts the findings' spans were computed on: the document as the editor holds it, context files as on disk.
  const read = (file: string) => (file === path ? document.text : io.readFile(file));
  return results.flatMap((file) => file.result.findings.flatMap((finding) => toDiagnostic(file, finding, document.uri, path, read)));
}

/** The fix as an edit of the file it is in, when that is a file (the engine keeps fixes out of decoded text). */
function quickFix(file: FileResult, fix: Fix, uri: string, path: string | undefined, read: (file: string) => string): QuickFix | undefined {
  const at = fileLocation(file, fix.location);
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
function toDiagnostic(file: FileResult, finding: Finding, uri: string, path: string | undefined, read: (file: string) => string): Diagnostic[] {
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
  const fix = finding.fix && quickFix(file, finding.fix, uri, path, read);
  const lines = [`${finding.message}${decoded ? ` (${decoded})` : ''}`, ...(finding.notes ?? []).map((note) => `note: ${note}`), `help: ${finding.help}`];
  const diagnostic: Diagnostic = {
    range: span ? toRange(span) : START,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: finding.docsUrl },
    source: 'samlint',
    message: lines.join('\n'),
    data: { help: finding.help, ...(fix && { fix }) } satisfies DiagnosticData,
  };
  const information = [
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
