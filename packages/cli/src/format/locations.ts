import { isAbsolute, relative, sep } from 'node:path';
import type { Artifact, Location, Span } from '@samlint/core';
import type { FileResult } from './types.js';

/** Texts a finding may point into that are no file: how reports name them. */
const NOT_FILES: Partial<Record<Artifact, string>> = {
  xml: 'decoded XML',
  decrypted: 'decrypted assertion',
  'relay-state': 'relay state',
};

/** Where a finding is, as a file on disk: what reports for editors and CI (gcc, github, SARIF) point at. */
export interface FileLocation {
  /** The input or the context file the finding is about, as given; absent for standard input. */
  path?: string;
  /**
   * Where in `path`: exact, unless `decoded` is set; then the stretch of the input the text was
   * decoded from (the SAMLResponse value), when there is one.
   */
  span?: Span;
  /** Where the finding is in a text that is no file, e.g. `decoded XML 41:62`; reports add it to the message. */
  decoded?: string;
}

/**
 * Maps a finding's location to a file. `input` and context-file spans are the files' own; an `xml`
 * span maps into the input when the input is that XML (raw XML); any other text that is no file
 * points at the input, with its own position in `decoded`.
 */
export function fileLocation({ files, result }: FileResult, location: Location | undefined): FileLocation {
  const input = files?.input;
  if (!location) return { path: input };
  const { artifact, span } = location;
  if (artifact === 'input') return { path: input, span };
  const at = `${span.line}:${span.column}${result.entry ? ` of entry ${result.entry.index}` : ''}`;
  const text = NOT_FILES[artifact];
  if (text === undefined) {
    const path = files?.[artifact];
    return path !== undefined ? { path, span } : { path: input, decoded: `${artifact} ${at}` };
  }
  const origin = result.origin;
  if (artifact === 'xml' && origin?.verbatim) return { path: input, span: shift(span, origin.span) };
  // A relay state given by flag has no place in the input to point at.
  return { path: input, span: artifact === 'relay-state' ? result.relayStateOrigin : origin?.span, decoded: `${text} ${at}` };
}

/** A span of a text that starts at `from` in the input, as a span of the input. */
function shift(span: Span, from: Span): Span {
  const move = (line: number, column: number) => ({
    line: from.line + line - 1,
    column: line === 1 ? from.column + column - 1 : column,
  });
  const start = move(span.line, span.column);
  const end = move(span.endLine, span.endColumn);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The file a report names: its path relative to `cwd`, or the source (`<stdin>`) when it is no file. */
export function reportFile({ source }: FileResult, { path }: FileLocation, cwd: string): string {
  return path === undefined ? source : reportPath(path, cwd);
}

/**
 * A path as CI and editors want it: relative to the working directory (a config names its files by
 * absolute path), `/`-separated; a path outside the working directory stays absolute.
 */
export function reportPath(path: string, cwd: string): string {
  const inside = isAbsolute(path) ? relative(cwd, path) : path;
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return (outside ? path : inside).split(sep).join('/');
}
