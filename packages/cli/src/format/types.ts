import type { LintResult } from '@samlint/core';

/** One linted input: where it came from and what the core found. */
export interface FileResult {
  source: string;
  result: LintResult;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(results: FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const { result } of results) for (const f of result.findings) counts[f.severity]++;
  return counts;
}
