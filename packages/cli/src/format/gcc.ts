import type { Severity } from '@samlint/core';
import { fileLocation, reportFile } from './locations.js';
import type { FileResult } from './types.js';

const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * gcc's and clang's `file:line:col: severity: message [CODE]`, one line per finding, so editors'
 * problem matchers (VS Code's `$gcc`, Vim's errorformat, Emacs compile mode) pick it up. A finding
 * with no place in a file points at 1:1 of the input, or at the value the decoded XML came from,
 * and its message says where it is in that text.
 */
export function formatGcc(results: FileResult[], cwd: string): string {
  const lines: string[] = [];
  for (const file of results) {
    for (const finding of file.result.findings) {
      const place = fileLocation(file, finding.location);
      const where = `${reportFile(file, place, cwd)}:${place.span?.line ?? 1}:${place.span?.column ?? 1}`;
      const message = `${finding.message}${place.decoded ? ` (${place.decoded})` : ''}`;
      lines.push(`${where}: ${SEVERITY[finding.severity]}: ${oneLine(message)} [${finding.code}]`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** A line break inside a message (from a value quoted in it) would split the finding in two. */
function oneLine(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}
