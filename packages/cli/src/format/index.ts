import type { ChalkInstance } from 'chalk';
import { formatGcc } from './gcc.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FileResult } from './types.js';

/** What every formatter of `check` gets: the results, the config used, and how to paint. */
export interface FormatInput {
  results: FileResult[];
  /** The samlint.config.json used, as the user would name it. */
  config?: string;
  /** Colours for formats meant for people; a level-0 instance when output is not a terminal. */
  chalk: ChalkInstance;
  /** The working directory, for formats that name files relative to it. */
  cwd: string;
}

/** `check --format` choices, in the order `--help` lists them. */
export const FORMATS = {
  stylish: ({ results, chalk, config }: FormatInput) => formatStylish(results, chalk, config),
  json: ({ results, config }: FormatInput) => formatJson(results, config),
  sarif: ({ results, cwd }: FormatInput) => formatSarif(results, cwd),
  github: ({ results, cwd }: FormatInput) => formatGithub(results, cwd),
  gcc: ({ results, cwd }: FormatInput) => formatGcc(results, cwd),
} satisfies Record<string, (input: FormatInput) => string>;

export type FormatName = keyof typeof FORMATS;
