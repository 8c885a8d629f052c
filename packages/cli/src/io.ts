import { readFileSync, statSync } from 'node:fs';

/** Everything the CLI touches outside itself, so main() can be tested in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  /** The file's bytes, for inputs that may be binary (a DER certificate). */
  readBytes(path: string): Uint8Array;
  readStdin(): string;
  /** Whether stdout is a terminal (colour and layout). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** The only clock samlint reads, and only for `--now now`. */
  clock(): Date;
}

/** A bound on any file we read: a SAMLResponse is at most a few hundred KB, a user list a few MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export class InputError extends Error {}

/** How main() passes a `-` (read standard input) argument through yargs. */
export const STDIN = '\u0000stdin';

/** The text of an input argument: a file, or standard input for `-`. */
export function readInput(io: Io, input: string): { source: string; text: string } {
  return input === STDIN ? { source: '<stdin>', text: io.readStdin() } : { source: input, text: io.readFile(input) };
}

function readBounded(path: string): Buffer {
  const fail = (error: unknown) => new InputError(`cannot read \`${path}\`: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw fail(error);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`\`${path}\` is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw fail(error);
  }
}

export function nodeIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => Buffer.from(readBounded(path)).toString('utf8'),
    readBytes: readBounded,
    readStdin() {
      try {
        return readFileSync(0, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    },
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    clock: () => new Date(),
  };
}
