import type { ChalkInstance } from 'chalk';
import type { Artifact, Finding, Location, Severity } from '@samlint/core';
import { cleanVerdict, countFindings, summarise, type FileResult } from './types.js';

const ARTIFACT_LABEL: Record<Artifact, string> = {
  xml: 'xml ',
  decrypted: 'decrypted ',
  input: 'input ',
  'relay-state': 'relay-state ',
  users: 'users ',
  metadata: 'metadata ',
  'trust-policy': 'trust-policy ',
  'permission-policy': 'permission-policy ',
};

function at(location: Location): string {
  return `${ARTIFACT_LABEL[location.artifact] ?? ''}${location.span.line}:${location.span.column}`;
}

/** Where a finding points (`xml 41:62`), or `-` when it concerns the whole input. */
export function where(finding: Finding): string {
  return finding.location ? at(finding.location) : '-';
}

/** One finding: position (`place`, padded to `width`), severity, message, code and name; then help, labels and notes. */
export function findingLines(finding: Finding, width: number, chalk: ChalkInstance, place = where(finding)): string[] {
  const paint: Record<Severity, (text: string) => string> = {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.blue,
  };
  const indent = ' '.repeat(width + 13);
  return [
    `  ${place.padEnd(width)}  ${paint[finding.severity](finding.severity.padEnd(7))}  ${finding.message}  ${chalk.dim(`${finding.code} ${finding.name}`)}`,
    `${indent}${chalk.green('help:')} ${finding.help}`,
    ...(finding.labels ?? []).map((label) => `${indent}${chalk.dim(`${at(label.location)}:`)} ${label.message}`),
    ...(finding.notes ?? []).map((note) => `${indent}${chalk.dim('note:')} ${note}`),
  ];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * ESLint's stylish layout with rustc's `help:` lines: position, severity, message, code and name; then
 * help and notes; then what could not be checked, a summary, and the pages to read (ShellCheck's footer).
 */
export function formatStylish(results: FileResult[], chalk: ChalkInstance, config?: string): string {
  const out: string[] = [];
  const pages = new Map<string, string>();
  for (const { source, result } of results) {
    // A HAR file or SAML-tracer export has a result per login: say which request it is.
    out.push(result.entry ? `${chalk.underline(source)} ${chalk.bold(result.entry.label)}` : chalk.underline(source));
    out.push(chalk.dim(`  detected: ${result.detected}`));
    for (const i of result.inferred) out.push(chalk.dim(`  inferred: ${i.what} ${i.value} from ${i.from}`));
    if (result.signatures) out.push(chalk.dim(`  signatures: ${result.signatures}`));
    const width = Math.max(0, ...result.findings.map((f) => where(f).length));
    for (const finding of result.findings) {
      out.push(...findingLines(finding, width, chalk));
      pages.set(finding.code, `${finding.docsUrl} -- ${finding.name}`);
    }
    if (result.unchecked.length) {
      const list = result.unchecked.map((u) => `${u.code} ${u.name} (${u.flags.join(', ')})`).join('; ');
      out.push(chalk.dim(`  not checked, needs more context: ${list}`));
    }
    out.push('');
  }
  const counts = countFindings(results);
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) {
    out.push(chalk.green(`✔ ${cleanVerdict(results)}`));
  } else {
    const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
    out.push(counts.error ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
  }
  const { files, filesWithErrors, suppressed } = summarise(results);
  if (files > 1) out.push(`${plural(files, 'file')} checked, ${filesWithErrors} with errors`);
  if (suppressed) out.push(chalk.dim(`${plural(suppressed, 'finding')} suppressed by ${config ?? 'samlint.config.json'}`));
  if (total) {
    out.push('', 'For more information:');
    for (const line of [...pages.values()]) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}
