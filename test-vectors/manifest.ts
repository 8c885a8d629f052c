// The vectors' manifest and how to load one, shared by the tests that run over every vector.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '@samlint/core';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface VectorEntry {
  file: string;
  description: string;
  signed: 'none' | 'assertion' | 'response' | 'both';
  options: Omit<LintOptions, 'users'> & { users?: string };
  expect: string[];
}

export const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));

/** Reads a vector and its context the way the CLI does: the users option names a file. */
export function loadVector(entry: VectorEntry): { text: string; options: LintOptions } {
  const text = readFileSync(join(HERE, entry.file), 'utf8');
  const { users, ...rest } = entry.options;
  const options: LintOptions = { ...rest };
  if (users) options.users = readFileSync(join(HERE, users), 'utf8');
  return { text, options };
}

