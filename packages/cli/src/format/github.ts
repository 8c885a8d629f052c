import type { Finding, Severity } from '@samlint/core';
import { fileLocation, reportFile, reportPath, type FileLocation } from './locations.js';
import type { FileResult } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// Escaping as @actions/core's command.ts does: the runner reads `%`, line breaks, and in properties `:` and `,`.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): each finding becomes an
 * annotation on the file and lines it concerns. A finding in the decoded XML of a base64 capture
 * annotates the lines of the SAMLResponse value, and its message says where it is in the decoded
 * text; one about the whole input annotates the input as a whole. Standard input has no file to annotate: its annotations name none.
 */
export function formatGithub(results: FileResult[], cwd: string): string {
  const lines: string[] = [];
  for (const file of results) {
    for (const finding of file.result.findings) {
      const place = fileLocation(file, finding.location);
      const properties: Array<[string, string]> = [...position(place, cwd), ['title', `${finding.code} ${finding.name}`]];
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
      lines.push(`::${COMMAND[finding.severity]} ${list}::${escapeData(body(file, finding, place, cwd))}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** file, line, col, endLine, endColumn; columns only on one line, as GitHub accepts them. */
function position({ path, span, decoded }: FileLocation, cwd: string): Array<[string, string]> {
  if (path === undefined) return [];
  const file: [string, string] = ['file', reportPath(path, cwd)];
  if (!span) return [file];
  // For decoded text the span is the whole SAMLResponse value, not the finding's place: its lines, no
  // columns (as gcc and SARIF point at the value); the message says where in the decoded text.
  if (span.line !== span.endLine || decoded) return [file, ['line', String(span.line)], ['endLine', String(span.endLine)]];
  return [
    file,
    ['line', String(span.line)],
    ['col', String(span.column)],
    ['endLine', String(span.endLine)],
    ['endColumn', String(span.endColumn)],
  ];
}

/** The message, where it is when no line says so, then help, secondary places, notes and the rule's page. */
function body(file: FileResult, finding: Finding, { decoded }: FileLocation, cwd: string): string {
  const labels = (finding.labels ?? []).map((label) => {
    const place = fileLocation(file, label.location);
    const where = place.decoded ?? `${reportFile(file, place, cwd)}:${place.span?.line ?? 1}:${place.span?.column ?? 1}`;
    return `${where}: ${label.message}`;
  });
  return [
    `${finding.message}${decoded ? ` (${decoded})` : ''}`,
    `help: ${finding.help}`,
    ...labels,
    ...(finding.notes ?? []).map((note) => `note: ${note}`),
    finding.docsUrl,
  ].join('\n');
}
