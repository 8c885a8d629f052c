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
  /** Lint options; `users`, `certificates`, `metadata` and `decryptionKey` name files relative to test-vectors/. */
  options: Omit<LintOptions, 'users' | 'certificates' | 'metadata' | 'decryptionKey'> & {
    users?: string;
    certificates?: string[];
    metadata?: string;
    decryptionKey?: string;
  };
  expect: string[];
}

export const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));

/** Reads a vector and its context the way the CLI does: file options name files. */
export function loadVector(entry: VectorEntry): { text: string; options: LintOptions } {
  const text = readFileSync(join(HERE, entry.file), 'utf8');
  const { users, certificates, metadata, decryptionKey, ...rest } = entry.options;
  const options: LintOptions = { ...rest };
  if (users) options.users = readFileSync(join(HERE, users), 'utf8');
  if (certificates) options.certificates = certificates.map((file) => readFileSync(join(HERE, file), 'utf8'));
  if (metadata) options.metadata = readFileSync(join(HERE, metadata), 'utf8');
  if (decryptionKey) options.decryptionKey = readFileSync(join(HERE, decryptionKey), 'utf8');
  return { text, options };
}

