import type { ChalkInstance } from 'chalk';
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

/** `check --format` choices, in the order `--help` lists them; each loads its writer only when a run asks for it. */
export const FORMATS = {
  stylish: async ({ results, chalk, config }: FormatInput) => (await import('./stylish.js')).formatStylish(results, chalk, config),
  json: async ({ results, config }: FormatInput) => (await import('./json.js')).formatJson(results, config),
  sarif: async ({ results, cwd }: FormatInput) => (await import('./sarif.js')).formatSarif(results, cwd),
  github: async ({ results, cwd }: FormatInput) => (await import('./github.js')).formatGithub(results, cwd),
  gcc: async ({ results, cwd }: FormatInput) => (await import('./gcc.js')).formatGcc(results, cwd),
} satisfies Record<string, (input: FormatInput) => Promise<string>>;

export type FormatName = keyof typeof FORMATS;
