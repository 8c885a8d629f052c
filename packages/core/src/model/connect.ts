// What samlint reads from Amazon Connect's context: the relay state and the user list.

/** What samlint reads from an Amazon Connect relay-state URL (facts §7, CX-SAML). */
export interface RelayState {
  raw: string;
  url?: URL;
  /** `commercial`: `https://{region}.console.aws.amazon.com/connect/federate/{id}`; `govcloud`: no region in the host. */
  form?: 'commercial' | 'govcloud';
  region?: string;
  instanceId?: string;
  /** The query string exactly as written (after `?`), because encoding mistakes live there. */
  rawQuery: string;
  /** The query parameters as written, split on `&` and not decoded, with their offsets into `raw`. */
  params: RelayStateParam[];
  /** Where the parts of a `scheme://authority/path` URL sit in `raw`, so findings can point at one. */
  parts?: RelayStateParts;
}

/** Offsets `[start, end)` into `RelayState.raw`. */
export interface TextRange {
  start: number;
  end: number;
}

export interface RelayStateParts {
  scheme: TextRange;
  /** Host, with any port or user info, as written. */
  authority: TextRange;
  path: TextRange;
  /** The last path segment after `/connect/federate/`, when the path has that form. */
  instanceId?: TextRange;
}

export interface RelayStateParam {
  name: string;
  /** The value exactly as written (still percent-encoded). */
  rawValue: string;
  /** The value percent-decoded once, as the federation endpoint reads it. */
  value: string;
  valueRange: TextRange;
}

/** A Connect user list: the SAML bulk-upload CSV, or the JSON of `aws connect list-users`. */
export interface UserList {
  format: 'csv' | 'list-users-json';
  usernames: string[];
}

/** Why a user list cannot be read; IN009 says it in words. */
export type UserListProblem =
  | { kind: 'empty' }
  | { kind: 'json-invalid'; detail: string }
  /** JSON that is not `aws connect list-users` output. */
  | { kind: 'user-summary-list-missing' }
  | { kind: 'usernames-missing' }
  /** Papa Parse's quoting error, on a 1-based row. */
  | { kind: 'csv-quotes'; detail: string; row: number }
  | { kind: 'login-column-missing'; lookedFor: readonly string[] };
