import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/io.js';
import { diskIo } from '../src/io.js';

/** The repository root: the default working directory, so tests name files as `test-vectors/…`. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * An in-memory Io: output is captured, stdin, terminals, environment and clock are given; files come
 * from `files` (keyed by path as given or relative to `cwd`) or else from disk under `cwd`; files
 * written are captured in `written` (keyed by path as given), never put on disk.
 */
export function memoryIo(
  options: { stdin?: string; isTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string>; files?: Record<string, string>; cwd?: string } = {},
) {
  const captured = { stdout: '', stderr: '', written: {} as Record<string, string> };
  const disk = diskIo(options.cwd ?? ROOT);
  const given = (path: string) =>
    options.files && Object.keys(options.files).find((key) => key === path || resolve(disk.cwd, key) === resolve(disk.cwd, path));
  const io: Io = {
    ...disk,
    stdout: (text) => void (captured.stdout += text),
    stderr: (text) => void (captured.stderr += text),
    readFile(path) {
      const key = given(path);
      return key !== undefined ? (options.files?.[key] as string) : disk.readFile(path);
    },
    readBytes(path) {
      return given(path) !== undefined ? Buffer.from(this.readFile(path), 'utf8') : disk.readBytes(path);
    },
    pathKind: (path) => (given(path) !== undefined ? 'file' : disk.pathKind(path)),
    readStdin: () => options.stdin ?? '',
    writeFile: (path, text) => void (captured.written[path] = text),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    clock: () => new Date('2026-11-27T09:00:30Z'),
  };
  return { io, captured };
}
