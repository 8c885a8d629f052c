// What the command line knows of samlint.config.json before reading one (its flag, its errors): kept
// apart from the reading (config.ts), which a run loads only when it has a config to read.
import type { Options } from 'yargs';
import { UsageError } from './options.js';

export const CONFIG_FILE = 'samlint.config.json';

/** The flags of every command that lints. */
export const CONFIG_OPTIONS = {
  config: {
    type: 'string',
    describe: `The ${CONFIG_FILE} to use (default: the nearest one from the working directory up); --no-config ignores it`,
  },
} as const satisfies Record<string, Options>;

/** `--config <path>` names the file; `--no-config` (false) ignores any. */
export interface ConfigArgs {
  config?: string | false;
}

/** One thing wrong with a config: where (1-based), the JSON path of what is wrong when there is one, and what. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  path?: string;
  message: string;
}

/** A config samlint cannot use, with every problem found in it, in the file's order. */
export class ConfigError extends UsageError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(problemText).join('\n'));
  }
}

/** `$.region: must be …`: what is wrong, without the place. */
export function problemWhat({ path, message }: ConfigProblem): string {
  return path === undefined ? message : `${path}: ${message}`;
}

/** `samlint.config.json:4:13: $.region: must be …`. */
export function problemText(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problemWhat(problem)}`;
}
