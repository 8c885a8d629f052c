import { ConfigError, problemText } from './config-options.js';
import { InputError } from './io.js';
import { UsageError } from './options.js';

/** Why a run failed, in one text: a usage error or an unreadable input as it was raised, anything else as an internal error. */
export function failureText(error: unknown): string {
  if (error instanceof UsageError || error instanceof InputError) return error.message;
  return `internal error: ${(error as Error)?.message ?? String(error)}`;
}

/** What samlint prints on stderr for a run that failed (exit 2): each problem on a line of its own; for a crash, whom to tell. */
export function failureReport(error: unknown): string {
  const lines = error instanceof ConfigError ? error.problems.map(problemText) : [failureText(error)];
  // A crash is a bug, but the user still gets a clear line and exit 2, not a bare stack trace.
  const crashed = !(error instanceof UsageError || error instanceof InputError);
  return `${lines.map((line) => `samlint: ${line}\n`).join('')}${crashed ? 'Please report this with the command you ran (not the capture).\n' : ''}`;
}
