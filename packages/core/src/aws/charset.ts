/**
 * Character classes AWS applies to the identifiers a SAML response carries (facts §1, §4, §5). Each
 * matches one character, so a rule can name the characters that are not allowed, not just fail.
 */

/** RoleSessionName, SourceIdentity and IAM role names: `[\w+=,.@-]` (STS and IAM API models). */
export const STS_NAME_CHARACTER = /[\w+=,.@-]/;

/** Session tag keys and values: `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (STS API model). */
export const TAG_CHARACTER = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;

/** `allowed` repeated over a whole text, by `allowed`. */
const WHOLE_TEXT = new WeakMap<RegExp, RegExp>();

/** The distinct characters (code points) of `text` that `allowed` does not match, in order of appearance. */
export function invalidCharacters(text: string, allowed: RegExp): string[] {
  // Most values are valid: one match of the whole text says so; the loop below names the culprits.
  let whole = WHOLE_TEXT.get(allowed);
  if (!whole) WHOLE_TEXT.set(allowed, (whole = new RegExp(`^(?:${allowed.source})*$`, allowed.flags)));
  if (whole.test(text)) return [];
  const found: string[] = [];
  for (const ch of text) {
    if (!allowed.test(ch) && !found.includes(ch)) found.push(ch);
  }
  return found;
}

/** Length in characters (code points), the way AWS counts its limits. */
export function characterLength(text: string): number {
  return [...text].length;
}

const CHARACTER_NAMES: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u00a0': 'a no-break space (U+00A0)',
};

/** Names characters for a message: printable ones in backticks, invisible ones by name or code point. */
export function describeCharacters(characters: readonly string[]): string {
  return characters
    .map((ch) => {
      const named = CHARACTER_NAMES[ch];
      if (named) return named;
      const code = ch.codePointAt(0) ?? 0;
      const invisible = /[\p{C}\p{Z}]/u.test(ch);
      return invisible ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `\`${ch}\``;
    })
    .join(', ');
}
