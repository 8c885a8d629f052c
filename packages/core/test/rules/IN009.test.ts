import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IN009 } from '../../src/rules/in/IN009-users-list-unreadable.js';
import { ruleTester } from '../rule-tester.js';

const input = buildResponse();

ruleTester(IN009, {
  valid: [
    { name: 'no user list given', input },
    { name: 'a bulk-upload CSV', input, options: { users: 'first name,last name,user login\nJane,Doe,jane.doe@example.com\n' } },
    { name: 'list-users JSON', input, options: { users: '{"UserSummaryList":[{"Id":"1","Username":"jane.doe@example.com"}]}' } },
  ],
  invalid: [
    { name: 'an empty file', input, options: { users: '\n' }, errors: [{ messageId: 'unreadable', data: { problem: 'the user list is empty' } }] },
    {
      name: 'a CSV without a login column',
      input,
      options: { users: 'name,email\nJane,jane@example.com\n' },
      errors: [{ messageId: 'unreadable', data: { problem: 'no user-login column in the CSV header (looked for: user login, userlogin, user name, username, login, user_login)' } }],
    },
    { name: 'broken JSON', input, options: { users: '{"UserSummaryList": [' }, errors: [{ messageId: 'unreadable' }] },
    {
      name: 'JSON of something else',
      input,
      options: { users: '{"Users": []}' },
      errors: [{ messageId: 'unreadable', data: { problem: 'the JSON has no `UserSummaryList` array (expected `aws connect list-users` output)' } }],
    },
    {
      name: 'list-users JSON without user names',
      input,
      options: { users: '{"UserSummaryList":[{"Id":"1"}]}' },
      errors: [{ messageId: 'unreadable', data: { problem: 'no `Username` values in `UserSummaryList`' } }],
    },
    {
      name: 'a CSV with an unclosed quote',
      input,
      options: { users: 'user login\n"jane\n' },
      errors: [{ messageId: 'unreadable', data: { problem: 'the CSV cannot be read (quoted field unterminated on row 2)' } }],
    },
  ],
});
