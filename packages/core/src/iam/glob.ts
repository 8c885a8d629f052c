// IAM's wildcard matching, as Action, Resource and `StringLike` use it: `*` is any run of characters
// (including none, and across `:` and `/`), `?` any one character. With policy variables on (policy
// Version 2012-10-17), `${name}` stands for a value samlint cannot know, so it matches anything, and
// `${*}`, `${?}`, `${$}` are the literal characters (IAM policy variables reference).

type Token = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'any' };

export interface GlobOptions {
  /** Action names are not case-sensitive; ARNs and condition values are. */
  ignoreCase?: boolean;
  /** Read `${…}` as a policy variable. */
  variables?: boolean;
}

const LITERAL_VARIABLES = new Set(['*', '?', '$']);

function tokenize(pattern: string, variables: boolean): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    const close = variables && ch === '$' && pattern[i + 1] === '{' ? pattern.indexOf('}', i + 2) : -1;
    if (close > 0) {
      const name = pattern.slice(i + 2, close);
      tokens.push(LITERAL_VARIABLES.has(name) ? { kind: 'char', char: name } : { kind: 'any' });
      i = close;
    } else if (ch === '*') {
      // A run of `*` is one `*`: it keeps the matcher below linear in the pattern length.
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else {
      tokens.push(ch === '?' ? { kind: 'one' } : { kind: 'char', char: ch });
    }
  }
  return tokens;
}

/**
 * Whether `text` matches the IAM wildcard `pattern`. The classic two-pointer matcher, which
 * backtracks only to the last `*`: O(pattern × text) at worst, so a hostile policy cannot hang it
 * the way a regular expression with many `.*` could.
 */
export function globMatch(pattern: string, text: string, options: GlobOptions = {}): boolean {
  const fold = (s: string) => (options.ignoreCase ? s.toLowerCase() : s);
  const tokens = tokenize(fold(pattern), options.variables === true);
  const subject = fold(text);
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < subject.length) {
    const token = tokens[p];
    if (token && (token.kind === 'one' || (token.kind === 'char' && token.char === subject[t]))) {
      p++;
      t++;
    } else if (token?.kind === 'any') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'any') p++;
  return p === tokens.length;
}

/** Whether a pattern has a wildcard (or, with variables on, a policy variable) in it. */
export function hasWildcard(pattern: string, options: GlobOptions = {}): boolean {
  return tokenize(pattern, options.variables === true).some((token) => token.kind !== 'char');
}
