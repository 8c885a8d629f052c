import type { Finding } from '@samlint/core';
import { fileLocation, reportFile, reportPath } from './locations.js';
import { cleanVerdict, countFindings, summarise, type FileResult } from './types.js';

/**
 * GitHub shows a step's summary up to 1 MiB: the summary stops at the file that would take it past
 * this (a little under, for the line that says so), and says the log has the rest.
 */
export const MAX_SUMMARY_BYTES = 1_000_000;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * A table cell of GitHub Flavored Markdown: `|` escaped everywhere (code spans too, as GFM asks), HTML
 * and Markdown's own characters escaped outside code spans, line breaks as `<br>`.
 */
export function markdownCell(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\&<>*_[\]]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? `\\${c}`)))
    .join('')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** Where a finding is, as the annotations place it: `line:col` in the file, the file when it is another one, the decoded text's place. */
function place(file: FileResult, finding: Finding, cwd: string): string {
  const at = fileLocation(file, finding.location);
  const other = at.path !== undefined && at.path !== file.files?.input ? `${reportPath(at.path, cwd)}:` : '';
  if (at.decoded) return `${other}${at.decoded}`;
  return at.span ? `${other}${at.span.line}:${at.span.column}` : other.slice(0, -1) || 'whole input';
}

/**
 * The job summary of a run (GitHub's `GITHUB_STEP_SUMMARY`, Markdown): the counts, then for each file
 * (each login of a HAR or SAML-tracer export) a table of its findings and what it could not check. It
 * shows what the annotations show: file names and messages, redacted when the run is.
 */
export function formatGithubSummary(results: FileResult[], cwd: string, config?: string): string {
  const counts = countFindings(results);
  const total = counts.error + counts.warning + counts.info;
  const { files, filesWithErrors, suppressed } = summarise(results);
  const out = ['## samlint', ''];
  out.push(
    total === 0
      ? `✔ ${cleanVerdict(results)} (${plural(files, 'file')} checked)`
      : `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(files, 'file')} checked, ${filesWithErrors} with errors`,
  );
  if (suppressed) out.push('', `${plural(suppressed, 'finding')} suppressed by ${markdownCell(config ?? 'samlint.config.json')}`);
  let size = Buffer.byteLength(out.join('\n'));
  let hiddenFiles = 0;
  let hiddenFindings = 0;
  for (const file of results) {
    const { result } = file;
    if (!result.findings.length && !result.unchecked.length) continue;
    if (!hiddenFiles) {
      const section = fileSection(file, cwd);
      const bytes = Buffer.byteLength(section.join('\n')) + 1;
      if (size + bytes <= MAX_SUMMARY_BYTES) {
        out.push(...section);
        size += bytes;
        continue;
      }
    }
    hiddenFiles++;
    hiddenFindings += result.findings.length;
  }
  if (hiddenFiles) out.push('', `…and ${plural(hiddenFiles, 'more file')} with ${plural(hiddenFindings, 'finding')}, which the step's log shows.`);
  return `${out.join('\n')}\n`;
}

/** One file's (or login's) part of the summary: a heading, its findings' table, what it could not check. */
function fileSection(file: FileResult, cwd: string): string[] {
  const { result } = file;
  const name = reportFile(file, { path: file.files?.input }, cwd);
  const out = ['', `### \`${name.replace(/`/g, "'")}\`${result.entry ? ` ${markdownCell(result.entry.label)}` : ''}`];
  if (result.findings.length) {
    out.push('', '| Code | Severity | Location | Message |', '|---|---|---|---|');
    for (const finding of result.findings) {
      out.push(`| [${finding.code}](${finding.docsUrl}) ${finding.name} | ${finding.severity} | ${markdownCell(place(file, finding, cwd))} | ${markdownCell(finding.message)} |`);
    }
  }
  if (result.unchecked.length) {
    // Folded: the same long list for every file of a run without the context.
    const list = result.unchecked.map((u) => `- ${u.code} ${u.name} (${markdownCell(u.flags.join(', '))})`);
    out.push('', `<details><summary>${plural(result.unchecked.length, 'rule')} not checked, needing more context</summary>`, '', ...list, '', '</details>');
  }
  return out;
}
