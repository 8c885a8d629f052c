/*
 * The global Buffer core uses, from the `buffer` package (Node's API for browsers). Node also reads
 * 'base64url', which the package does not name; its base64 decoder takes the URL-safe alphabet.
 */
import { Buffer } from 'buffer';

const from = Buffer.from.bind(Buffer) as (...args: unknown[]) => Buffer;
Buffer.from = ((value: unknown, encoding?: unknown, length?: unknown) =>
  from(value, encoding === 'base64url' ? 'base64' : encoding, length)) as typeof Buffer.from;

export { Buffer };
