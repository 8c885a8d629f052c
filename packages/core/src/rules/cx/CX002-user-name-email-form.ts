import { roleSessionName } from '../../aws/role-session-name.js';
import { isEmailForm, isListedUser, passesSts } from '../../connect/user-name.js';
import { defineRule } from '../define-rule.js';

export const CX002 = defineRule({
  meta: {
    code: 'CX002',
    name: 'user-name-email-form',
    family: 'CX',
    stage: 'response',
    severity: 'error',
    summary: 'The RoleSessionName has an `@` but is not an email address, which Amazon Connect user names must then be',
    facts: ['CX-USER-002'],
    symptoms: ['connect-not-onboarded', 'gr-user-not-onboarded'],
    messages: {
      notEmail: {
        message: 'RoleSessionName `{{value}}` has `@` but is not of the form `local@domain.tld`',
        help: 'Connect allows `@` in a user name only in email form (`testuser@example.com`, not `testuser@example`): map the RoleSessionName from the full email address, or from a login without `@`, matching the Connect user name',
      },
    },
  },
  check(ctx) {
    const name = ctx.response && roleSessionName(ctx.response);
    // A value STS refuses never reaches Connect; AWS007 reports it.
    if (!name || !name.value.includes('@') || !passesSts(name.value)) return;
    if (isEmailForm(name.value) || isListedUser(ctx.env.users, name.value)) return;
    ctx.report({ messageId: 'notEmail', data: { value: name.value }, location: ctx.at.content(name.element) });
  },
});
