import type { Artifact, LintResult } from '@samlint/core';

/** The files a run read, by the artifact their findings name: `input` is the source, the rest are context flags. */
export type ArtifactFiles = Partial<Record<Artifact, string>>;

/** One linted input: where it came from and what the core found. */
export interface FileResult {
  source: string;
  result: LintResult;
  /** The path of each file a finding may point into (`xml`, `decrypted` and `relay-state` are no files). */
  files?: ArtifactFiles;
  /** Findings samlint.config.json's `ignores` dropped from this result. */
  suppressed?: number;
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

/** The whole run: files (distinct sources) checked, how many have an error, and what the config suppressed. */
export interface Summary {
  files: number;
  filesWithErrors: number;
  suppressed: number;
}

export function summarise(results: FileResult[]): Summary {
  const files = new Set(results.map((r) => r.source));
  const withErrors = new Set(results.filter((r) => r.result.findings.some((f) => f.severity === 'error')).map((r) => r.source));
  const suppressed = results.reduce((sum, r) => sum + (r.suppressed ?? 0), 0);
  return { files: files.size, filesWithErrors: withErrors.size, suppressed };
}

/**
 * What a run without findings says. A signature checked only against its own KeyInfo proves nothing
 * about who signed: then the verdict says so, and never reads as a plain "no problems".
 */
export function cleanVerdict(results: FileResult[]): string {
  const untrusted = results.some(({ result }) => result.signatures !== undefined && result.unchecked.some((u) => u.needs.includes('trust')));
  return untrusted ? 'no problems, but no signature was checked against a trusted certificate (--cert or --metadata)' : 'no problems';
}
