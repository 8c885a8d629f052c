import type { UserListProblem } from '../../model/connect.js';
import { defineRule } from '../define-rule.js';

function describe(problem: UserListProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'the user list is empty';
    case 'json-invalid':
      return `the user list is not valid JSON (${problem.detail})`;
    case 'user-summary-list-missing':
      return 'the JSON has no `UserSummaryList` array (expected `aws connect list-users` output)';
    case 'usernames-missing':
      return 'no `Username` values in `UserSummaryList`';
    case 'csv-quotes':
      return `the CSV cannot be read (${problem.detail.toLowerCase()} on row ${problem.row})`;
    case 'login-column-missing':
      return `no user-login column in the CSV header (looked for: ${problem.lookedFor.join(', ')})`;
  }
}

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
    // The list is Amazon Connect's, read only by the CX rules.
    profiles: ['aws'],
    messages: {
      unreadable: {
        message: '{{problem}}',
        help: 'pass the Amazon Connect bulk-upload CSV (with a `user login` column) or the output of `aws connect list-users --instance-id ID --output json`',
      },
    },
  },
  check(ctx) {
    if (ctx.env.usersProblem) ctx.report({ messageId: 'unreadable', data: { problem: describe(ctx.env.usersProblem) } });
  },
});
