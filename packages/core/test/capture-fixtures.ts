// HAR files and SAML-tracer exports for the tests, built by test-vectors/lib/captures.mjs around responses
// xmlsec1 signed (the committed vectors). Nothing here signs anything.
import { toHar, toSamlTracer } from '../../../test-vectors/lib/captures.mjs';
import { vector } from './sig-fixtures.js';

export { toHar, toSamlTracer };

/** The signed login with a non-ASCII display name (`Zoë Müller`), Assertion signed by keys/idp. */
export const NON_ASCII_SIGNED = vector('capture/non-ascii-display-name.xml');

/** A HAR file or SAML-tracer export rewritten as a JSON value: `edit` changes the parsed object. */
export function editJson(text: string, edit: (value: any) => void): string {
  const value = JSON.parse(text);
  edit(value);
  return JSON.stringify(value, null, 2);
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}
