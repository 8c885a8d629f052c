import { CX003 } from '../../src/rules/cx/CX003-user-not-found.js';
import { CLEAN, USERS_CSV, positionOf, withRoleSessionName } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const lowerCase = withRoleSessionName('li.wei@example.com');
const listUsersJson = JSON.stringify({
  UserSummaryList: [
    { Id: 'a1', Arn: 'arn:aws:connect:eu-west-2:123456789012:instance/x/agent/a1', Username: 'jane.doe@example.com' },
    { Id: 'b2', Arn: 'arn:aws:connect:eu-west-2:123456789012:instance/x/agent/b2', Username: 'Li.Wei@example.com' },
  ],
});

ruleTester(CX003, {
  valid: [
    { name: 'the exact user', input: CLEAN, options: { users: USERS_CSV } },
    { name: 'the exact user, list-users JSON', input: withRoleSessionName('Li.Wei@example.com'), options: { users: listUsersJson } },
    { name: 'no user list: unchecked, not reported', input: lowerCase },
    { name: 'an unreadable user list is IN009’s', input: lowerCase, options: { users: 'first name,email\nLi,x' } },
  ],
  invalid: [
    {
      name: 'only the case differs',
      input: lowerCase,
      options: { users: USERS_CSV },
      errors: [{ messageId: 'caseDiffers', data: { value: 'li.wei@example.com', user: 'Li.Wei@example.com' }, ...positionOf(lowerCase, 'li.wei@') }],
    },
    {
      name: 'only the case differs, list-users JSON',
      input: lowerCase,
      options: { users: listUsersJson },
      errors: [{ messageId: 'caseDiffers', data: { user: 'Li.Wei@example.com' } }],
    },
    {
      name: 'the login without the domain',
      input: withRoleSessionName('raj.patel'),
      options: { users: USERS_CSV },
      errors: [{ messageId: 'near', data: { value: 'raj.patel', user: 'raj.patel@example.com' } }],
    },
    {
      name: 'another domain',
      input: withRoleSessionName('jane.doe@example.org'),
      options: { users: USERS_CSV },
      errors: [{ messageId: 'near', data: { user: 'jane.doe@example.com' } }],
    },
    {
      name: 'nothing close: the count, never the list',
      input: withRoleSessionName('00u1a2b3c4d5e6f7g8h9'),
      options: { users: USERS_CSV },
      errors: [{ messageId: 'notFound', data: { value: '00u1a2b3c4d5e6f7g8h9', count: 3 } }],
    },
  ],
});
