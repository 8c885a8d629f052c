import { readFileSync } from 'node:fs';
import type { Io } from '../src/io.js';
import { InputError } from '../src/io.js';

/** An in-memory Io: files come from disk (relative to the repository root) or from `files`. */
export function memoryIo(options: { stdin?: string; isTTY?: boolean; env?: Record<string, string>; files?: Record<string, string> } = {}) {
  const captured = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (text) => void (captured.stdout += text),
    stderr: (text) => void (captured.stderr += text),
    readFile(path) {
      if (options.files && path in options.files) return options.files[path] as string;
      try {
        return readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
      } catch {
        throw new InputError(`cannot read \`${path}\`: ENOENT`);
      }
    },
    readBytes(path) {
      return Buffer.from(this.readFile(path), 'utf8');
    },
    readStdin: () => options.stdin ?? '',
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    clock: () => new Date('2026-11-27T09:00:30Z'),
  };
  return { io, captured };
}
