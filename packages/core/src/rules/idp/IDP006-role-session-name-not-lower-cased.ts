import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { defineRule } from '../define-rule.js';
import { readsPersonName } from './_shared.js';

const MESSAGE = 'RoleSessionName sends `{{attribute}}` with the case the user has, while all {{count}} Connect user names are lower-case: a user whose `{{attribute}}` has a capital letter matches no Connect user';
const WHY = 'Connect user names are case-sensitive, even with SAML';

export const IDP006 = defineRule({
  meta: {
    code: 'IDP006',
    name: 'role-session-name-not-lower-cased',
    family: 'IDP',
    stage: 'config',
    severity: 'warning',
    summary: 'RoleSessionName sends a user value as it is cased while the Connect user names are all lower-case',
    facts: ['CX-USER-003'],
    // Its sign-ins end in Connect's not-onboarded page, but why() matches symptoms to what a capture shows (CX003).
    symptoms: [],
    needs: ['users'],
    messages: {
      okta: {
        message: MESSAGE,
        help: `${WHY}: lower-case the value in the attribute statement, \`String.toLowerCase({{attribute}})\``,
      },
      keycloak: {
        message: MESSAGE,
        help: `${WHY}: map RoleSessionName with a User Property mapper on \`username\` or \`email\`, which Keycloak stores lower-cased, instead of the user attribute \`{{attribute}}\``,
      },
      entra: {
        message: MESSAGE,
        help: `${WHY}: in the app's Attributes & Claims, send RoleSessionName through the \`ToLowercase()\` transformation of \`{{attribute}}\` (a claims mapping policy: a ClaimsTransformation with \`"TransformationMethod": "ToLowercase()"\`)`,
      },
      adfs: {
        message: MESSAGE,
        help: `${WHY}. AD FS's claim rule language cannot lower-case a value: issue RoleSessionName through an attribute store that does (Microsoft's String Processing Attribute Store example: \`store = "StringProcessing", query = "toLower", param = c.Value\`), or create the Connect users with the case the directory holds`,
      },
    },
  },
  check(ctx) {
    const users = ctx.env.users;
    if (!ctx.config || !users) return;
    const { app, locate } = ctx.config;
    // Only a list of lower-case names says which case is wanted; with capitals in it, raw values may be deliberate.
    const named = users.usernames.filter((name) => name.toLowerCase() !== name.toUpperCase());
    if (!named.length || named.some((name) => name !== name.toLowerCase())) return;
    for (const attribute of app.attributes.filter((a) => a.name === AWS_ATTRIBUTE.roleSessionName)) {
      for (const value of attribute.values) {
        // A person's name is IDP004's, whatever its case.
        if (value.state !== 'expression' || !value.reads || value.reads.lowerCased || readsPersonName(value.expression)) continue;
        ctx.report({ messageId: value.reads.idp, data: { attribute: value.reads.attribute, count: named.length }, location: locate(value.range) });
      }
    }
  },
});
