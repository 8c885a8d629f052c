// What the IDP rules about RoleSessionName expressions share.

/**
 * Sources that hold a person's whole name, as Okta Expression Language (`user.displayName`), a
 * Keycloak mapper (`user attribute displayName`), Entra (`user.displayname`) or an AD FS LDAP rule
 * (`displayName`, `cn`) name them.
 */
const PERSON_NAME_SOURCE = /\b(?:displayName|displayname|display_name|fullName|full_name|cn)\b/;

/** Whether a RoleSessionName expression reads a person's whole name (IDP004's case). */
export function readsPersonName(expression: string): boolean {
  return PERSON_NAME_SOURCE.test(expression);
}
