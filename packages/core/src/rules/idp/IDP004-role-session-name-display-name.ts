import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { defineRule } from '../define-rule.js';
import { readsPersonName } from './_shared.js';

/**
 * A person's whole name has spaces, and often accents or apostrophes, which neither RoleSessionName
 * nor a Connect user name allows. A first or last name alone is reported only when joined to another
 * with a space: Okta `user.firstName + " " + user.lastName`, or Entra's Join transformation with a
 * space separator, as the reader writes it (`Join(user.givenname, user.surname, separator " ")`).
 */
const JOINED_WITH_SPACE = [/\+\s*(?:"\s+"|'\s+')\s*\+/, /\bJoin\(.*\bseparator "\s+"/];

export const IDP004 = defineRule({
  meta: {
    code: 'IDP004',
    name: 'role-session-name-display-name',
    family: 'IDP',
    stage: 'config',
    severity: 'error',
    summary: 'RoleSessionName is mapped from a person’s name or joins values with a space',
    facts: ['AWS-RSN-002', 'CX-USER-001'],
    symptoms: ['role-session-name-must-match'],
    messages: {
      personName: {
        message: 'RoleSessionName is `{{expression}}`, a person’s name: its spaces and accents fail `[A-Za-z0-9_.@-]`',
        help: 'map RoleSessionName from the login or e-mail the Connect user names are made of, lower-cased: Okta `String.toLowerCase(user.login)`, Keycloak a user property mapper on `username`, Entra `user.userprincipalname` with `ToLowercase()`',
      },
      joinedWithSpace: {
        message: 'RoleSessionName `{{expression}}` joins values with a space, which RoleSessionName and Connect user names do not allow',
        help: 'join with `.` or `_` (Okta `user.firstName + "." + user.lastName`, Entra the Join transformation’s `separator` parameter), or map RoleSessionName from the login, lower-cased (Entra `user.userprincipalname` with `ToLowercase()`)',
      },
    },
  },
  check(ctx) {
    if (!ctx.config) return;
    const { app, locate } = ctx.config;
    for (const attribute of app.attributes.filter((a) => a.name === AWS_ATTRIBUTE.roleSessionName)) {
      for (const value of attribute.values) {
        if (value.state !== 'expression') continue;
        const { expression } = value;
        if (JOINED_WITH_SPACE.some((joined) => joined.test(expression))) ctx.report({ messageId: 'joinedWithSpace', data: { expression }, location: locate(value.range) });
        else if (readsPersonName(expression)) ctx.report({ messageId: 'personName', data: { expression }, location: locate(value.range) });
      }
    }
  },
});
