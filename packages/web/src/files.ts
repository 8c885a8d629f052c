/** The text of a file as `samlint check` reads it: UTF-8 with the byte-order mark kept, invalid bytes replaced. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A dropped or opened file's text. A file option that may be binary (a DER certificate) is passed on
 * as base64 unless it is text, as the CLI does.
 */
export async function fileText(file: Blob, binary = false): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = UTF8.decode(bytes);
  if (!binary || /^[\sA-Za-z0-9+/=-]*$/.test(text) || text.includes('-----BEGIN')) return text;
  let latin1 = '';
  for (const byte of bytes) latin1 += String.fromCharCode(byte);
  return btoa(latin1);
}
