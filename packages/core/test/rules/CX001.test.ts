import { CX001 } from '../../src/rules/cx/CX001-user-name-charset.js';
import { CLEAN, USERS_CSV, positionOf, withRoleSessionName } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const plus = withRoleSessionName('jane.doe+agent@example.com');

ruleTester(CX001, {
  valid: [
    { name: 'an email address', input: CLEAN },
    { name: 'underscore, dot and hyphen', input: withRoleSessionName('jane_doe-2.x') },
    { name: 'a value STS refuses is AWS007’s', input: withRoleSessionName('Jane Doe, Sales') },
    { name: 'a single character is AWS007’s', input: withRoleSessionName('+') },
    {
      name: 'the user list has the exact name',
      input: plus,
      options: { users: `${USERS_CSV}\nJ,D,jane.doe+agent@example.com,Basic Routing Profile` },
    },
  ],
  invalid: [
    {
      name: 'plus addressing',
      input: plus,
      errors: [{ messageId: 'charset', data: { value: 'jane.doe+agent@example.com', characters: '`+`' }, ...positionOf(plus, 'jane.doe+agent') }],
    },
    {
      name: 'an LDAP-style value',
      input: withRoleSessionName('uid=jdoe,ou=people'),
      errors: [{ messageId: 'charset', data: { characters: '`=`, `,`' } }],
    },
    {
      name: 'a user list without the name does not silence it',
      input: plus,
      options: { users: USERS_CSV },
      errors: [{ messageId: 'charset' }],
    },
  ],
});
