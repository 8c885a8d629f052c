import { RESULT_SCHEMA_VERSION, type Finding } from '@samlint/core';
import { VERSION } from '../version.js';
import { countFindings, summarise, type FileResult } from './types.js';

/**
 * The JSON contract (docs/json-output.md): versioned by `schemaVersion`, which changes only when a
 * field is removed or changes meaning. The decoded XML is never included.
 */
export function formatJson(results: FileResult[], config?: string): string {
  const output = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'samlint', version: VERSION },
    config,
    files: results.map(({ source, result, suppressed }) => ({
      source,
      entry: result.entry,
      detected: result.detected,
      inferred: result.inferred,
      signatures: result.signatures,
      signing: result.signing,
      unchecked: result.unchecked,
      findings: result.findings.map(contractFinding),
      counts: countFindings([{ source, result }]),
      suppressed: suppressed ?? 0,
    })),
    counts: countFindings(results),
    summary: summarise(results),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** A finding as the JSON contracts hold it: its fix is for editors (the language server's quick fixes), not part of them. */
export function contractFinding({ fix: _fix, ...finding }: Finding): Omit<Finding, 'fix'> {
  return finding;
}
