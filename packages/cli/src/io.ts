import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
// tinyglobby: two small dependencies (fdir, picomatch), no native code, Node ≥ 12, kept by the e18e
// group and already in our lockfile through vite/vitest; fast-glob would bring four times the code.
import { globSync } from 'tinyglobby';

/** Everything the CLI touches outside itself, so main() can be tested in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  /** The file's bytes, for inputs that may be binary (a DER certificate). */
  readBytes(path: string): Uint8Array;
  readStdin(): string;
  /** Writes a whole file (`--output-file`), creating its directories; failing throws an InputError (exit 2). */
  writeFile(path: string, text: string): void;
  /** Whether stdout is a terminal (colour and layout). */
  isTTY: boolean;
  /** Whether stderr is a terminal (the progress line). */
  stderrIsTTY: boolean;
  /** The absolute working directory: relative paths are read from it, and samlint.config.json is looked for from it up. */
  cwd: string;
  /** What is at a path: a file, a directory, or nothing samlint can read. */
  pathKind(path: string): 'file' | 'directory' | undefined;
  /** The files matching glob patterns, relative to `cwd` (absolute for an absolute pattern), `/`-separated, unsorted. */
  glob(patterns: string[], options: GlobOptions): string[];
  env: Record<string, string | undefined>;
  /** The only clock samlint reads, and only for `--now now`. */
  clock(): Date;
}

/** A bound on any file we read: a SAMLResponse is a few hundred KB, a user list a few MB, a HAR file up to core's 100 MB. */
export const MAX_FILE_BYTES = 100_000_000;

export class InputError extends Error {}

export interface GlobOptions {
  cwd: string;
  /** Patterns of files and directories not to match or enter. */
  ignore: string[];
  /** Match names whatever their case (extensions such as `.XML`). */
  ignoreCase?: boolean;
}

/** How main() passes a `-` (read standard input) argument through yargs. */
export const STDIN = '\u0000stdin';

/** The text of an input argument: a file, or standard input for `-`. */
export function readInput(io: Io, input: string): { source: string; text: string } {
  return input === STDIN ? { source: '<stdin>', text: io.readStdin() } : { source: input, text: io.readFile(input) };
}

function readBounded(cwd: string, path: string): Buffer {
  const fail = (error: unknown) => new InputError(`cannot read \`${path}\`: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  const file = resolve(cwd, path);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw fail(error);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`\`${path}\` is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw fail(error);
  }
}

/**
 * A file's text: UTF-16 when it starts with a UTF-16 byte order mark, as Windows PowerShell 5.1's `>`
 * and `Out-File` write (an AD FS trust exported there), else UTF-8. The mark is kept as the text's
 * first character, as it is in UTF-8, so that offsets count the same way.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
  return Buffer.from(bytes).toString('utf8');
}

/** The file-system half of an Io, with relative paths taken from `cwd` (in-process tests reuse it). */
export function diskIo(cwd: string): Pick<Io, 'cwd' | 'readFile' | 'readBytes' | 'writeFile' | 'pathKind' | 'glob'> {
  return {
    cwd,
    readFile: (path) => decodeText(readBounded(cwd, path)),
    readBytes: (path) => readBounded(cwd, path),
    writeFile(path, text) {
      const file = resolve(cwd, path);
      try {
        // As ESLint's --output-file: a report directory a CI job names need not exist yet.
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      } catch (error) {
        throw new InputError(`cannot write \`${path}\`: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    },
    pathKind(path) {
      const stats = statSync(resolve(cwd, path), { throwIfNoEntry: false });
      return stats?.isFile() ? 'file' : stats?.isDirectory() ? 'directory' : undefined;
    },
    glob: (patterns, options) =>
      globSync(patterns, {
        cwd: resolve(cwd, options.cwd),
        ignore: options.ignore,
        caseSensitiveMatch: !options.ignoreCase,
        absolute: patterns.some((pattern) => isAbsolute(pattern)),
        dot: false,
      }),
  };
}

export function nodeIo(): Io {
  return {
    ...diskIo(process.cwd()),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin() {
      try {
        return readFileSync(0, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    },
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    clock: () => new Date(),
  };
}
