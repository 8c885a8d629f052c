import { roleSessionName } from '../../aws/role-session-name.js';
import { matchUserName } from '../../connect/user-name.js';
import { defineRule } from '../define-rule.js';

const NOT_ONBOARDED =
  'Amazon Connect shows: Access Denied. Your account has been authenticated, but has not been onboarded to this application.';

export const CX003 = defineRule({
  meta: {
    code: 'CX003',
    name: 'user-not-found',
    family: 'CX',
    stage: 'response',
    severity: 'error',
    summary: 'No Amazon Connect user name equals the RoleSessionName exactly, case included',
    facts: ['CX-USER-003'],
    symptoms: ['connect-not-onboarded', 'gr-user-not-onboarded'],
    needs: ['users'],
    messages: {
      caseDiffers: {
        message: 'no Connect user `{{value}}`; user `{{user}}` exists with different case',
        help: 'Connect user names are case-sensitive even with SAML: make the IdP send the name exactly as the Connect user has it (or rename the user), e.g. add or remove a lower-case transform (Okta `String.toLowerCase(user.email)`) in the RoleSessionName mapping',
      },
      near: {
        message: 'no Connect user `{{value}}`; the closest is `{{user}}`',
        help: 'the RoleSessionName must equal the Connect user name exactly: change the IdP’s RoleSessionName mapping (e.g. the full email rather than the login, or the right domain), or create the user with this name',
      },
      notFound: {
        message: 'no Connect user `{{value}}` among {{count}} users',
        help: 'create the Connect user with exactly this name (bulk-upload CSV `user login` column, or `aws connect create-user --username`), or change the IdP’s RoleSessionName mapping to the existing user name',
      },
    },
  },
  check(ctx) {
    const users = ctx.env.users;
    const name = ctx.response && roleSessionName(ctx.response);
    if (!users || !name) return;
    const match = matchUserName(name.value, users.usernames);
    if (match?.kind === 'exact') return;
    const location = ctx.at.content(name.element);
    const notes = [NOT_ONBOARDED];
    if (match) {
      ctx.report({ messageId: match.kind === 'case' ? 'caseDiffers' : 'near', data: { value: name.value, user: match.user }, location, notes });
    } else {
      ctx.report({ messageId: 'notFound', data: { value: name.value, count: users.usernames.length }, location, notes });
    }
  },
});
