/**
 * Amazon Connect user names on SAML instances, and how they meet the RoleSessionName (facts §2, §3).
 * Connect matches the RoleSessionName against its user names exactly, case included (CX-SAML).
 */
import { characterLength, invalidCharacters, STS_NAME_CHARACTER } from '../aws/charset.js';
import type { UserList } from '../model/connect.js';

/**
 * Whether STS accepts the value as a RoleSessionName (AWS-RSN-002). One it refuses never reaches
 * Connect, so the Connect user-name rules leave it to AWS007.
 */
export function passesSts(value: string): boolean {
  const length = characterLength(value);
  return length >= 2 && length <= 64 && invalidCharacters(value, STS_NAME_CHARACTER).length === 0;
}

/**
 * A character of a Connect user name on a SAML instance, as CreateUser and CloudFormation allow it
 * (facts §2). `_` is in, although the 2023 CX-SAML intersection list left it out. The length bounds
 * of the STS ∩ Connect intersection (2 to 64, facts §3) are the STS ones, so only the characters differ.
 */
const CONNECT_USER_NAME_CHARACTER = /[A-Za-z0-9_.@-]/;

/** The distinct characters of `value` no Connect user name can hold; after STS, only `+ = ,` remain. */
export function nonConnectCharacters(value: string): string[] {
  return invalidCharacters(value, CONNECT_USER_NAME_CHARACTER);
}

/**
 * "Username can include @ only if used in an email format" (CX-API), shown only by examples:
 * `testuser@example.com` is correct, `testuser@example` is not. Our reading: one `@`, a non-empty
 * local part, and a domain of at least two non-empty dot-separated labels. Characters are CX001's job.
 */
const EMAIL_FORM = /^[^@]+@[^@.]+(?:\.[^@.]+)+$/;

export function isEmailForm(value: string): boolean {
  return EMAIL_FORM.test(value);
}

/**
 * A user list holding `value` exactly is evidence that Connect has such a user (the API model sets no
 * pattern on user names), which outweighs the prose-only grammar above.
 */
export function isListedUser(users: UserList | undefined, value: string): boolean {
  return users?.usernames.includes(value) ?? false;
}

export type UserNameMatch =
  | { kind: 'exact'; user: string }
  /** Equal ignoring case: Connect user names are case-sensitive even with SAML (CX-SAML, CX-TS). */
  | { kind: 'case'; user: string }
  /** Same local part (the text before `@`) ignoring case: another domain, or the bare local part. */
  | { kind: 'near'; user: string };

/** How `value` meets a Connect user list: the best match, or undefined when nothing comes close. */
export function matchUserName(value: string, usernames: readonly string[]): UserNameMatch | undefined {
  if (usernames.includes(value)) return { kind: 'exact', user: value };
  const lower = value.toLowerCase();
  const sameIgnoringCase = usernames.find((user) => user.toLowerCase() === lower);
  if (sameIgnoringCase !== undefined) return { kind: 'case', user: sameIgnoringCase };
  const local = localPart(lower);
  const sameLocalPart = usernames.find((user) => localPart(user.toLowerCase()) === local);
  return sameLocalPart === undefined ? undefined : { kind: 'near', user: sameLocalPart };
}

function localPart(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(0, at);
}
