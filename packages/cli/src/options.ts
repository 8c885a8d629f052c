// The options table alone, not the whole core: every command's flags are built from it at start-up.
import {
  CONTEXT_OPTIONS,
  CONTEXT_OPTION_IDS,
  checkContextValue,
  contextOption,
  contextOptionValues,
  type ContextOptionId,
  type ContextOptionSpec,
  type ContextValues,
} from '@samlint/core/context-options';
import type { LintOptions } from '@samlint/core';
import type { Options } from 'yargs';
import type { Io } from './io.js';

export class UsageError extends Error {}

type Spec = typeof CONTEXT_OPTIONS;
/** An option's value as a flag or samlint.config.json gives it: a path for a file, a list of paths for a repeatable one. */
type ArgValue<O> = O extends { repeatable: true }
  ? string[]
  : O extends { type: 'seconds' }
    ? number
    : O extends { choices: readonly (infer C)[] }
      ? C
      : string;

/** The context of a run by option (samlint.config.json's keys), as the flags, the config or both give it. */
export type ContextArgs = { [K in ContextOptionId]?: ArgValue<Spec[K]> };

/** The flags of the context options (core's table), for every command that lints. */
export const CONTEXT_FLAGS: Record<string, Options> = Object.fromEntries(
  CONTEXT_OPTION_IDS.map((id) => [flagName(id), flagOption(contextOption(id))]),
);

/** `--redact` of the commands that lint; absent, samlint.config.json's `redact` decides. */
export const REDACT_OPTIONS = {
  redact: {
    type: 'boolean',
    describe: 'Replace NameIDs, RoleSessionNames, emails, account ids and signature values with placeholders (docs/redaction.md)',
  },
} as const satisfies Record<string, Options>;

/** `instance-id` for --instance-id: the flag's key in yargs' arguments. */
function flagName(id: ContextOptionId): string {
  return CONTEXT_OPTIONS[id].flag.slice(2);
}

// No yargs defaults: a flag left out must not override samlint.config.json (core applies the same defaults).
function flagOption(option: ContextOptionSpec): Options {
  const describe = option.description;
  const defaultDescription = option.default === undefined ? undefined : String(option.default);
  switch (option.type) {
    case 'file':
      return { type: 'string', normalize: true, ...(option.repeatable && { array: true }), describe };
    case 'seconds':
      return { type: 'number', defaultDescription, describe };
    case 'choice':
      return { choices: option.choices, defaultDescription, describe };
    case 'text':
    case 'time':
      return { type: 'string', describe };
  }
}

/** The context the flags give, by option; a flag not given is absent, so the config's value stays. */
export function flagContext(args: Readonly<Record<string, unknown>>): ContextArgs {
  return Object.fromEntries(CONTEXT_OPTION_IDS.flatMap((id) => (args[flagName(id)] === undefined ? [] : [[id, args[flagName(id)]]])));
}

/**
 * Turns the context into core options: checks each value (what a flag names in its messages), then
 * reads the files the file options name. Values come before files so that a wrong value is reported
 * without touching the disk.
 */
export function toLintOptions(context: ContextArgs, io: Io): LintOptions {
  const given = CONTEXT_OPTION_IDS.filter((id) => context[id] !== undefined);
  const values: Record<string, unknown> = {};
  for (const id of given.filter((id) => contextOption(id).type !== 'file')) values[id] = checkedValue(contextOption(id), context[id], io);
  for (const id of given.filter((id) => contextOption(id).type === 'file')) {
    const option = contextOption(id);
    const read = (path: string) => (option.binary ? binaryText(io.readBytes(path)) : io.readFile(path));
    const paths = context[id] as string | string[];
    // An empty list (`"certificates": []`) is no list.
    if (Array.isArray(paths)) values[id] = paths.length ? paths.map(read) : undefined;
    else values[id] = read(paths);
  }
  return contextOptionValues(values as ContextValues);
}

function checkedValue(option: ContextOptionSpec, value: unknown, io: Io): unknown {
  const checked = checkContextValue(option, value, io.clock);
  if ('problem' in checked) throw new UsageError(`${option.flag} \`${String(value)}\` is ${checked.problem}`);
  return checked.value;
}

/** PEM and base64 files are text already; a DER file is binary and travels as base64. */
function binaryText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  return /^[\sA-Za-z0-9+/=-]*$/.test(text) || text.includes('-----BEGIN') ? text : Buffer.from(bytes).toString('base64');
}
