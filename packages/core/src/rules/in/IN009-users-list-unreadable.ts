import { defineRule } from '../define-rule.js';

export const IN009 = defineRule({
  meta: {
    code: 'IN009',
    name: 'users-list-unreadable',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The Connect user list given with --users cannot be read',
    facts: ['CX-USER-003'],
    symptoms: [],
    messages: {
      unreadable: {
        message: '{{problem}}',
        help: 'pass the Amazon Connect bulk-upload CSV (with a `user login` column) or the output of `aws connect list-users --instance-id ID --output json`',
      },
    },
  },
  check(ctx) {
    if (ctx.env.usersProblem) ctx.report({ messageId: 'unreadable', data: { problem: ctx.env.usersProblem } });
  },
});
