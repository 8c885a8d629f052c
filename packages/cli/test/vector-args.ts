import { join } from 'node:path';
import { CONTEXT_OPTION_IDS, contextOption, contextValue, type ContextOptionId } from '@samlint/core';
import type { VectorEntry } from '../../../test-vectors/manifest.js';
import { ROOT } from './memory-io.js';

/** The names in a vector's options that core's table does not know: `sp.audience` for one inside a group. */
function unknownNames(options: Record<string, unknown>): string[] {
  const top = new Set<string>();
  const groups = new Map<string, Set<string>>();
  for (const id of CONTEXT_OPTION_IDS) {
    const { group, coreAlias } = contextOption(id);
    if (group) groups.set(group, (groups.get(group) ?? new Set()).add(id));
    top.add(group ?? id);
    if (coreAlias) top.add(coreAlias);
  }
  return Object.entries(options).flatMap(([name, value]) => {
    if (!top.has(name)) return [name];
    const keys = groups.get(name);
    return keys ? Object.keys(value as object).filter((key) => !keys.has(key)).map((key) => `${name}.${key}`) : [];
  });
}

/**
 * A vector's context by option (core's table), its files named by `file`, its time as ISO 8601. The
 * one mapping of the vectors' options that every test uses, for flags, config files and editor
 * settings alike. An option the table does not know throws, so no vector runs without its context.
 */
export function vectorContext(vector: VectorEntry, file: (name: string) => string): Partial<Record<ContextOptionId, string | number | string[]>> {
  const unknown = unknownNames(vector.options);
  if (unknown.length) throw new Error(`${vector.file}: no context option ${unknown.join(', ')}`);
  const context: Partial<Record<ContextOptionId, string | number | string[]>> = {};
  for (const id of CONTEXT_OPTION_IDS) {
    const value = contextValue(vector.options, id);
    if (value === undefined) continue;
    if (value instanceof Date) context[id] = value.toISOString();
    else if (contextOption(id).type !== 'file') context[id] = value as string | number;
    else context[id] = Array.isArray(value) ? value.map(file) : file(value as string);
  }
  return context;
}

/**
 * A vector's `samlint check` arguments: its file and its context as the flags a user would give (files
 * relative to the repository root, the tests' working directory), with no config file.
 */
export function vectorArgs(vector: VectorEntry): string[] {
  const file = (name: string) => `test-vectors/${name}`;
  const flags = Object.entries(vectorContext(vector, file)).flatMap(([id, value]) => {
    const { flag } = contextOption(id as ContextOptionId);
    return Array.isArray(value) ? value.flatMap((item) => [flag, item]) : [flag, String(value)];
  });
  return [file(vector.file), '--no-config', ...flags];
}

/** A vector's context as samlint.config.json (or the editor's `samlint` settings) sets it, with absolute paths. */
export function vectorConfig(vector: VectorEntry): Record<string, string | number | string[]> {
  return vectorContext(vector, (name) => join(ROOT, 'test-vectors', name));
}
