import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE_URL, findRule, type Finding, type Label, type Location, type Severity, type Span } from '@samlint/core';
// DefinitelyTyped's @types/sarif: the SARIF 2.1.0 schema as TypeScript (types only, nothing at run time).
import type { ArtifactLocation, Invocation, Location as SarifLocation, Log, Region, ReportingDescriptor, Result } from 'sarif';
import { readRulePage } from '../docs.js';
import { VERSION } from '../version.js';
import { fileLocation, reportPath } from './locations.js';
import type { FileResult } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The repository whose pages the rules' docs URLs name. */
const INFORMATION_URI = DOCS_BASE_URL.slice(0, DOCS_BASE_URL.indexOf('/blob/'));
/** The working directory samlint ran in: artifact URIs under it are relative to it (in CI, the checkout). */
const SRCROOT = '%SRCROOT%';
/** Standard input has no file: its results name this relative URI, with no base. */
const STDIN_URI = 'stdin';
/** Versioned, so a change to what the hash covers can start a new key instead of re-keying every alert. */
const FINGERPRINT_KEY = 'samlint/v2';
const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code scanning (docs/sarif.md): one run, a rule descriptor for each rule that fired,
 * a result per finding located in the input or the context file it concerns.
 */
export function formatSarif(results: FileResult[], cwd: string): string {
  const first = new Map<string, Finding>();
  for (const { result } of results) for (const f of result.findings) if (!first.has(f.code)) first.set(f.code, f);
  const codes = [...first.keys()].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const fingerprints = new Fingerprints();
  const sarifResults = results.flatMap((file) =>
    file.result.findings.map((finding) => toResult(file, finding, ruleIndex.get(finding.code) as number, cwd, fingerprints)),
  );
  const rules = codes.map((code) => descriptor(first.get(code) as Finding));
  return serialise(rules, sarifResults, { executionSuccessful: true }, cwd);
}

/**
 * A log for a run that failed before it could lint (an unreadable input, a bad config): no results,
 * and the reason as an error notification, so what code scanning receives says the run failed.
 */
export function formatSarifFailure(message: string, cwd: string): string {
  const notification = { level: 'error' as const, message: { text: message } };
  return serialise([], [], { executionSuccessful: false, toolExecutionNotifications: [notification] }, cwd);
}

function serialise(rules: ReportingDescriptor[], results: Result[], invocation: Invocation, cwd: string): string {
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'samlint', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules } },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        // Spans count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A rule as code scanning shows it: summary, what it does, its whole page as help, default level. */
function descriptor(finding: Finding): ReportingDescriptor {
  const meta = findRule(finding.code)?.meta;
  const summary = meta?.summary ?? finding.message;
  const page = readRulePage(finding.code);
  const help = page === undefined ? `${summary}\n\n${finding.docsUrl}\n` : helpOf(page);
  const whatItDoes = page === undefined ? undefined : section(page, 'What it does');
  const rule: ReportingDescriptor = {
    id: finding.code,
    name: finding.name,
    shortDescription: { text: summary },
    fullDescription: whatItDoes ? { text: plain(whatItDoes), markdown: whatItDoes } : { text: summary },
    help: { text: help, markdown: help },
    helpUri: finding.docsUrl,
    defaultConfiguration: { level: LEVEL[meta?.severity ?? finding.severity] },
  };
  if (meta) rule.properties = { tags: ['saml', meta.family], facts: [...meta.facts] };
  return rule;
}

/** The page without its title (code scanning shows the rule's id and name) or the examples' test options. */
function helpOf(page: string): string {
  return page.replace(/^# .*\n+/, '').replace(/^<!-- options:.*-->\n/gm, '');
}

/** The text under a `## heading` of a rule page, up to the next heading. */
function section(page: string, heading: string): string | undefined {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const body = page.slice(start + heading.length + 5);
  const end = body.search(/^## /m);
  return (end < 0 ? body : body.slice(0, end)).trim() || undefined;
}

/** Markdown paragraphs with their line wraps undone, for the plain-text field. */
function plain(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
    .join('\n\n');
}

function toResult(file: FileResult, finding: Finding, ruleIndex: number, cwd: string, fingerprints: Fingerprints): Result {
  const { location, decoded } = sarifLocation(file, finding.location, cwd);
  // Code scanning shows only message.text: the help and notes travel with it, as rustc prints them.
  const text = [
    `${finding.message}${decoded ? ` (${decoded})` : ''}`,
    `help: ${finding.help}`,
    ...(finding.notes ?? []).map((note) => `note: ${note}`),
  ].join('\n');
  const uri = location.physicalLocation?.artifactLocation?.uri ?? '';
  const identity = [finding.code, uri, finding.location?.artifact ?? '', finding.messageId, ...stableData(finding)];
  const result: Result = {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(identity) },
    properties: {
      help: finding.help,
      ...(finding.notes?.length ? { notes: finding.notes } : {}),
      facts: finding.facts,
      ...(file.result.entry ? { entry: file.result.entry } : {}),
      // The exact place in a text that is no file (the decoded XML): the location above is where it came from.
      ...(decoded && finding.location ? { decodedLocation: decodedLocation(finding.location) } : {}),
    },
  };
  if (finding.labels?.length) result.relatedLocations = finding.labels.map((label, i) => relatedLocation(file, label, i + 1, cwd));
  return result;
}

function relatedLocation(file: FileResult, label: Label, id: number, cwd: string): SarifLocation {
  const { location, decoded } = sarifLocation(file, label.location, cwd);
  return { id, ...location, message: { text: `${label.message}${decoded ? ` (${decoded})` : ''}` } };
}

/** A finding's place in a file (see locations.ts), and where it is when that is in a text that is no file. */
function sarifLocation(file: FileResult, at: Location | undefined, cwd: string): { location: SarifLocation; decoded?: string } {
  const place = fileLocation(file, at);
  const artifactLocation = place.path === undefined ? { uri: STDIN_URI } : artifactUri(place.path, cwd);
  // No span (a finding about the whole input, or a relay state given by flag): the file's first line.
  const region: Region = place.span ? toRegion(place.span) : { startLine: 1 };
  return { location: { physicalLocation: { artifactLocation, region } }, decoded: place.decoded };
}

function artifactUri(path: string, cwd: string): ArtifactLocation {
  const reported = reportPath(path, cwd);
  if (isAbsolute(reported)) return { uri: pathToFileURL(reported).href };
  return { uri: reported.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function toRegion(span: Span): Region {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

function decodedLocation({ artifact, span }: Location): { artifact: string; region: Region } {
  return { artifact, region: toRegion(span) };
}

/**
 * The values a finding's message names, by name, without their numbers: days since expiry, offsets
 * and counts change from run to run; the finding does not. Never the wording, which may change.
 */
function stableData({ data }: Finding): string[] {
  return Object.keys(data)
    .sort()
    .map((name) => `${name}=${String(data[name]).replace(/\d+/g, '#')}`);
}

/**
 * partialFingerprints that survive edits elsewhere in the file and rewording: a hash of rule, file,
 * text, message id and data (no positions, no wording), numbered when the same finding recurs in one
 * file, as CodeQL numbers its hashes.
 */
class Fingerprints {
  private readonly seen = new Map<string, number>();

  next(parts: string[]): string {
    const hash = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return `${hash}:${count}`;
  }
}
