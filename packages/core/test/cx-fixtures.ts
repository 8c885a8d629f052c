// Shared inputs for the CX rule tests.
import { AWS, RELAY_STATE, buildResponse, withAttributes, type ResponseOptions } from '../../../test-vectors/lib/response.mjs';

export { RELAY_STATE };

export const CLEAN = buildResponse();

export const USERS_CSV = [
  'first name,last name,user login,routing profile name',
  'Jane,Doe,jane.doe@example.com,Basic Routing Profile',
  'Li,Wei,Li.Wei@example.com,Basic Routing Profile',
  'Raj,Patel,raj.patel@example.com,Basic Routing Profile',
].join('\n');

/** The clean login with another RoleSessionName. */
export function withRoleSessionName(value: string, overrides: ResponseOptions = {}): string {
  return buildResponse({ ...overrides, attributes: withAttributes({ [AWS.roleSessionName]: [value] }) });
}

/** 1-based line and column of the first `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** 1-based line and column of the value of the first `name="…"` attribute in `text`. */
export function attributeValuePositionOf(text: string, name: string): { line: number; column: number } {
  const { line, column } = positionOf(text, `${name}="`);
  return { line, column: column + name.length + 2 };
}
