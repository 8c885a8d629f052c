/*
 * node:zlib in the page: the raw inflate core uses for a Redirect-binding capture, on fflate. Like
 * Node's, it refuses to grow past `maxOutputLength` (a deflate bomb) with ERR_BUFFER_TOO_LARGE.
 */
import { Inflate } from 'fflate';
import { Buffer } from 'buffer';

export function inflateRawSync(bytes: Uint8Array, options: { maxOutputLength: number }): Buffer {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    length += chunk.length;
    if (length > options.maxOutputLength) throw Object.assign(new RangeError('Cannot create a Buffer larger than the limit'), { code: 'ERR_BUFFER_TOO_LARGE' });
    chunks.push(chunk);
  });
  inflate.push(bytes, true);
  return Buffer.concat(chunks);
}
