import { roleSessionName } from '../../aws/role-session-name.js';
import { defineRule } from '../define-rule.js';
import { stsNameProblems } from './_shared.js';

const HELP =
  'map RoleSessionName to a user ID or email address (Okta: `user.login` or `user.email`; Entra ID: `user.userprincipalname`; ADFS: UPN or email), never a display name: STS allows only `A-Z a-z 0-9 _ + = , . @ -`, 2 to 64 characters';
const STS_ERROR =
  'STS answers: RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64} (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)';

export const AWS007 = defineRule({
  meta: {
    code: 'AWS007',
    name: 'role-session-name-invalid',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'The RoleSessionName value does not match `^[A-Za-z0-9_+=,.@-]{2,64}$`',
    facts: ['AWS-RSN-002'],
    symptoms: ['role-session-name-must-match'],
    messages: {
      empty: { message: 'RoleSessionName is empty', help: HELP },
      characters: { message: 'RoleSessionName `{{value}}` contains {{characters}}, which STS does not allow', help: HELP },
      tooShort: { message: 'RoleSessionName `{{value}}` has {{length}} character, under the minimum of 2', help: HELP },
      tooLong: { message: 'RoleSessionName has {{length}} characters, over the maximum of 64', help: HELP },
      surroundingWhitespace: {
        message: 'RoleSessionName `{{value}}` has whitespace around it',
        help: 'emit the value with nothing around it: a pretty-printed AttributeValue or a claim expression that pads the value; AWS does not say whether STS trims it',
      },
    },
  },
  check(ctx) {
    const name = ctx.response && roleSessionName(ctx.response);
    if (!name) return;
    for (const problem of stsNameProblems(name.value)) {
      ctx.report({ ...problem, location: ctx.at.content(name.element), notes: problem.severity ? [] : [STS_ERROR] });
    }
  },
});
