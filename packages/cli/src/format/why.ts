import type { ChalkInstance } from 'chalk';
import type { Diagnosis, SourcedFinding, UncheckedCause, WhyReport } from '@samlint/core';
import { VERSION } from '../version.js';
import { contractFinding } from './json.js';
import { findingLines, where } from './stylish.js';
import type { FileResult } from './types.js';

/** The `why --format json` contract (docs/json-output.md); its own version, apart from `check`'s. */
export const WHY_SCHEMA_VERSION = 1;

/** Each login of a HAR file or SAML-tracer export is a capture of its own for `why`, named with its entry. */
export function whyCaptures(results: FileResult[]): FileResult[] {
  return results.map((file) => (file.result.entry ? { ...file, source: `${file.source} ${file.result.entry.label}` } : file));
}

export function formatWhyJson(report: WhyReport, results: FileResult[], config?: string): string {
  const output = {
    schemaVersion: WHY_SCHEMA_VERSION,
    tool: { name: 'samlint', version: VERSION },
    config,
    match: report.recognition.match,
    files: results.map(({ source, result }) => ({ source, detected: result.detected })),
    diagnoses: report.diagnoses.map((d) => ({ ...d, likely: d.likely.map(sourcedFinding) })),
    alsoWrong: report.alsoWrong.map(sourcedFinding),
    known: report.known,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

const sourcedFinding = ({ source, finding }: SourcedFinding) => ({ source, finding: contractFinding(finding) });

/** What an unchecked rule needs, in words: the capture and the flags. */
function needs(cause: UncheckedCause): string {
  return [...(cause.needsCapture ? ['the SAMLResponse'] : []), ...cause.flags].join(', ');
}

/**
 * The diagnosis for people: the message recognised, then for each message its likely causes in the
 * captures (ranked), the rules that could not run and what they need, the rules ruled out, and the
 * causes samlint cannot see; then what else is wrong in the captures, and the pages to read.
 */
export function formatWhyStylish(report: WhyReport, results: FileResult[], chalk: ChalkInstance): string {
  const out: string[] = [];
  const pages = new Map<string, string>();
  const several = results.length > 1;
  const capture = several ? 'these captures' : 'this capture';

  const findings = (list: SourcedFinding[]) => {
    const place = ({ source, finding }: SourcedFinding) => (several ? `${source} ${where(finding)}` : where(finding));
    const width = Math.max(0, ...list.map((f) => place(f).length));
    for (const sourced of list) {
      out.push(...findingLines(sourced.finding, width, chalk, place(sourced)).map((line) => `  ${line}`));
      pages.set(sourced.finding.code, `${sourced.finding.docsUrl} -- ${sourced.finding.name}`);
    }
  };

  const diagnosis = (d: Diagnosis) => {
    out.push('', chalk.bold.underline(d.message), chalk.dim(`  shown by ${d.shownBy}`));
    if (results.length) {
      out.push(chalk.bold(`  likely causes in ${capture}`));
      if (d.likely.length) findings(d.likely);
      else out.push(chalk.dim('    none of the rules behind this message found anything'));
    }
    if (d.unchecked.length) {
      out.push(chalk.bold('  could not check'));
      for (const cause of d.unchecked) out.push(`    ${cause.code} ${cause.name}: ${cause.summary}  ${chalk.dim(`needs ${needs(cause)}`)}`);
    }
    if (d.ruledOut.length) {
      out.push(chalk.bold('  ruled out (checked, nothing found)'), chalk.dim(`    ${d.ruledOut.map((r) => `${r.code} ${r.name}`).join(', ')}`));
    }
    if (d.otherCauses.length) {
      out.push(chalk.bold('  other causes samlint cannot see'));
      for (const cause of d.otherCauses) out.push(`    • ${cause.cause}`, `      ${chalk.green('fix:')} ${cause.fix}  ${chalk.dim(cause.source)}`);
    }
  };

  for (const { source, result } of results) out.push(chalk.dim(`${source}: ${result.detected}`));
  const { match } = report.recognition;
  if (match === 'unknown') {
    if (results.length) out.push('');
    out.push(chalk.bold('samlint does not know this message. The messages it knows:'));
    for (const known of report.known ?? []) out.push(`  ${known.message}  ${chalk.dim(known.symptom)}`);
    out.push('', chalk.dim('Quote the message as it appeared, e.g. samlint why "RoleSessionName is required in AuthnResponse" capture.txt'));
  } else if (match !== 'exact') {
    if (results.length) out.push('');
    const count = report.diagnoses.length;
    out.push(
      chalk.bold(
        match === 'ambiguous'
          ? `ambiguous: the message fits ${count} that samlint knows; tell them apart by the rest of its text and where it showed${results.length ? ` (the likeliest in ${capture} first)` : ''}:`
          : `the text holds ${count} messages:`,
      ),
    );
    for (const d of report.diagnoses) out.push(`  • ${d.message}  ${chalk.dim(`(${d.shownBy})`)}`);
  }
  for (const d of report.diagnoses) diagnosis(d);
  if (!results.length && report.diagnoses.length) {
    out.push('', chalk.dim('Give the capture (samlint why "<message>" capture.txt) to see which of these it is.'));
  }
  if (report.alsoWrong.length) {
    out.push('', chalk.bold(`also wrong in ${capture}`));
    findings(report.alsoWrong);
  }
  if (pages.size) {
    out.push('', 'For more information:');
    for (const line of pages.values()) out.push(`  ${line}`);
  }
  // A diagnosis opens with a blank line to set it apart; not at the very top.
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}
