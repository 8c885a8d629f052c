import { SEVERITY_RANK, type LintResult, type Severity } from '@samlint/core';

export const SEVERITIES = (Object.keys(SEVERITY_RANK) as Severity[]).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);

const where = (result: LintResult['findings'][number]) =>
  result.location ? `${result.location.artifact}:${result.location.span.line}:${result.location.span.column}` : '';

/** The Markdown a user pastes into a ticket: what was detected and every finding, from results already redacted. */
export function markdownReport(results: readonly LintResult[]): string {
  const lines = ['# samlint report', ''];
  for (const result of results) {
    if (result.entry) lines.push(`## ${result.entry.label}`, '');
    lines.push(`Detected: ${result.detected}`, '');
    if (result.signatures) lines.push(`Signatures: ${result.signatures}`, '');
    if (!result.findings.length) lines.push('No findings.', '');
    for (const severity of SEVERITIES) {
      const findings = result.findings.filter((finding) => finding.severity === severity);
      if (!findings.length) continue;
      lines.push(`### ${severity} (${findings.length})`, '');
      for (const finding of findings) {
        lines.push(`- **${finding.code}** ${finding.name} ${where(finding)}: ${finding.message}`, `  - help: ${finding.help}`, `  - rule: ${finding.docsUrl}`);
      }
      lines.push('');
    }
    if (result.unchecked.length) lines.push(`Not checked: ${result.unchecked.map((u) => `${u.code} (${u.flags.join(', ')})`).join('; ')}`, '');
  }
  return lines.join('\n');
}

/** The same results as JSON, without the decoded input (redaction drops it too). */
export function jsonReport(results: readonly LintResult[]): string {
  return `${JSON.stringify(
    results.map(({ xml: _xml, relayState: _relayState, personal: _personal, ...rest }) => rest),
    null,
    2,
  )}\n`;
}
