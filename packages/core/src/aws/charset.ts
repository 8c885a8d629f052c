/**
 * Character classes AWS applies to the identifiers a SAML response carries (facts §1, §4, §5). Each
 * matches one character, so a rule can name the characters that are not allowed, not just fail.
 */

/** RoleSessionName, SourceIdentity and IAM role names: `[\w+=,.@-]` (STS and IAM API models). */
export const STS_NAME_CHARACTER = /[\w+=,.@-]/;

/** Session tag keys and values: `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (STS API model). */
export const TAG_CHARACTER = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;

/** The distinct characters (code points) of `text` that `allowed` does not match, in order of appearance. */
export function invalidCharacters(text: string, allowed: RegExp): string[] {
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
