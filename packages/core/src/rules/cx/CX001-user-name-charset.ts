import { roleSessionName } from '../../aws/role-session-name.js';
import { isListedUser, nonConnectCharacters, passesSts } from '../../connect/user-name.js';
import { defineRule } from '../define-rule.js';

export const CX001 = defineRule({
  meta: {
    code: 'CX001',
    name: 'user-name-charset',
    family: 'CX',
    stage: 'response',
    severity: 'error',
    summary: 'The RoleSessionName passes STS but holds `+`, `=` or `,`, which no Amazon Connect user name can',
    facts: ['CX-USER-001'],
    symptoms: ['connect-not-onboarded', 'gr-user-not-onboarded'],
    messages: {
      charset: {
        message: 'RoleSessionName `{{value}}` contains {{characters}}, which Amazon Connect user names cannot',
        help: 'send a RoleSessionName made only of letters, digits and `_ . @ -` that equals the Connect user name (map it from the user’s email or login in the IdP’s AWS attribute mapping, not from a value that can hold `+`, `=` or `,`)',
      },
    },
  },
  check(ctx) {
    const name = ctx.response && roleSessionName(ctx.response);
    // A value STS refuses never reaches Connect; AWS007 reports it.
    if (!name || !passesSts(name.value)) return;
    const characters = nonConnectCharacters(name.value);
    if (characters.length === 0 || isListedUser(ctx.env.users, name.value)) return;
    ctx.report({
      messageId: 'charset',
      data: { value: name.value, characters: characters.map((c) => `\`${c}\``).join(', ') },
      location: ctx.at.content(name.element),
      notes: [
        'STS accepts the login; Amazon Connect then finds no user and shows: Access Denied. Your account has been authenticated, but has not been onboarded to this application.',
      ],
    });
  },
});
