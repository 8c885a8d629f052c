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
  /** Lint options; `users`, `certificates`, `metadata`, `decryptionKey` and the policies name files relative to test-vectors/. */
  options: Omit<LintOptions, FileOption> & {
    users?: string;
    certificates?: string[];
    metadata?: string;
    decryptionKey?: string;
    trustPolicy?: string;
    permissionPolicy?: string;
  };
  expect: string[];
}

type FileOption = 'users' | 'certificates' | 'metadata' | 'decryptionKey' | 'trustPolicy' | 'permissionPolicy';

export const MANIFEST: VectorEntry[] = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));

/** Reads a vector and its context the way the CLI does: file options name files. */
export function loadVector(entry: VectorEntry): { text: string; options: LintOptions } {
  const text = readFileSync(join(HERE, entry.file), 'utf8');
  const { users, certificates, metadata, decryptionKey, trustPolicy, permissionPolicy, ...rest } = entry.options;
  const options: LintOptions = { ...rest };
  const read = (file: string) => readFileSync(join(HERE, file), 'utf8');
  if (trustPolicy) options.trustPolicy = read(trustPolicy);
  if (permissionPolicy) options.permissionPolicy = read(permissionPolicy);
  if (users) options.users = readFileSync(join(HERE, users), 'utf8');
  if (certificates) options.certificates = certificates.map((file) => readFileSync(join(HERE, file), 'utf8'));
  if (metadata) options.metadata = readFileSync(join(HERE, metadata), 'utf8');
  if (decryptionKey) options.decryptionKey = readFileSync(join(HERE, decryptionKey), 'utf8');
  return { text, options };
}

