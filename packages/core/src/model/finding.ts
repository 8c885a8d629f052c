/** 1-based positions, as in ESLint, ShellCheck and SARIF; `endColumn` points just past the last character. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Which text a span points into. `input` is what the user gave us (before decoding: a paste, a HAR
 * file, a policy), `xml` the decoded SAML XML, `decrypted` the plaintext of an EncryptedAssertion
 * (--decryption-key), `relay-state` the RelayState URL, and the context files: `users` (the Connect
 * user list), `metadata` (--metadata), `trust-policy` and `permission-policy` (IAM policy JSON).
 */
export type Artifact =
  | 'input'
  | 'xml'
  | 'decrypted'
  | 'relay-state'
  | 'users'
  | 'metadata'
  | 'trust-policy'
  | 'permission-policy';

export interface Location {
  artifact: Artifact;
  span: Span;
}

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface Label {
  location: Location;
  message: string;
}

/**
 * A machine-applicable edit (rustc's suggestion, ESLint's `fix`): replace the text at `location`
 * with `replacement`. Only in a document the user edits (the input as given, --metadata, a policy,
 * a relay state given as an option, whose caller knows where it came from), never in decoded,
 * decrypted or signed text, nor in a capture's relay state; rules offer one only where the edit is
 * certainly safe.
 */
export interface Fix {
  /** What the edit does, as an editor's quick fix names it. */
  title: string;
  location: Location;
  replacement: string;
}

export interface Finding {
  code: string;
  name: string;
  /** Which of the rule's messages this is: stable while the wording changes, so match on it, never on `message`. */
  messageId: string;
  severity: Severity;
  /** rustc style: terse, lowercase, no full stop, code in backticks; never says how to fix. */
  message: string;
  /** What to change, on the IdP side where that is where the fix lives. */
  help: string;
  docsUrl: string;
  location?: Location;
  labels?: Label[];
  notes?: string[];
  fix?: Fix;
  /** Rule ids of shared/facts/aws-connect-saml.md this finding rests on. */
  facts: string[];
  /** The values the message and help were rendered from, by placeholder name. */
  data: Record<string, string | number>;
}
