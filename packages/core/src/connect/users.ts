import Papa from 'papaparse';
import type { UserList, UserListProblem } from '../model/connect.js';

export type UserListResult = { ok: true; users: UserList } | { ok: false; problem: UserListProblem };

/** Header names the bulk-upload template and hand-made exports use for the login column. */
const USERNAME_HEADERS = new Set(['user login', 'userlogin', 'user name', 'username', 'login', 'user_login']);

export function parseUserList(text: string): UserListResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, problem: { kind: 'empty' } };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseListUsersJson(trimmed);
  return parseBulkUploadCsv(trimmed);
}

function parseListUsersJson(text: string): UserListResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'json-invalid', detail: (error as Error).message } };
  }
  const list = Array.isArray(data) ? data : (data as { UserSummaryList?: unknown }).UserSummaryList;
  if (!Array.isArray(list)) return { ok: false, problem: { kind: 'user-summary-list-missing' } };
  const usernames = list
    .map((entry) => (entry as { Username?: unknown })?.Username)
    .filter((name): name is string => typeof name === 'string');
  if (usernames.length === 0) return { ok: false, problem: { kind: 'usernames-missing' } };
  return { ok: true, users: { format: 'list-users-json', usernames } };
}

function parseBulkUploadCsv(text: string): UserListResult {
  // Papa Parse takes ragged rows in its stride (a short row costs nothing extra), unlike parsers that
  // build an error object per inconsistent row: a hostile list stays linear and fast.
  const { data, errors } = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const quoting = errors.find((error) => error.type === 'Quotes');
  if (quoting) return { ok: false, problem: { kind: 'csv-quotes', detail: quoting.message, row: (quoting.row ?? 0) + 1 } };
  const rows = data.map((row) => row.map((field) => field.trim()));
  const header = rows[0] ?? [];
  const column = header.findIndex((name) => USERNAME_HEADERS.has(name.toLowerCase()));
  if (column < 0) return { ok: false, problem: { kind: 'login-column-missing', lookedFor: [...USERNAME_HEADERS] } };
  const usernames = rows
    .slice(1)
    .map((row) => row[column] ?? '')
    .filter((name) => name !== '');
  return { ok: true, users: { format: 'csv', usernames } };
}
