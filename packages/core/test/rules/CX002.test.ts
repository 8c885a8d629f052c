import { CX002 } from '../../src/rules/cx/CX002-user-name-email-form.js';
import { CLEAN, USERS_CSV, positionOf, withRoleSessionName } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const noTld = withRoleSessionName('testuser@example');

ruleTester(CX002, {
  valid: [
    { name: 'an email address', input: CLEAN },
    { name: 'no @ at all', input: withRoleSessionName('testuser') },
    { name: 'a subdomain', input: withRoleSessionName('jdoe@corp.example.co.uk') },
    { name: 'a value STS refuses is AWS007’s', input: withRoleSessionName('jane doe@example') },
    { name: 'the user list has the exact name', input: noTld, options: { users: `${USERS_CSV}\nT,U,testuser@example,Basic` } },
  ],
  invalid: [
    {
      name: 'no dot in the domain',
      input: noTld,
      errors: [{ messageId: 'notEmail', data: { value: 'testuser@example' }, ...positionOf(noTld, 'testuser@example') }],
    },
    { name: 'two @', input: withRoleSessionName('jane@doe@example.com'), errors: [{ messageId: 'notEmail' }] },
    { name: 'empty local part', input: withRoleSessionName('@example.com'), errors: [{ messageId: 'notEmail' }] },
    { name: 'a domain ending in a dot', input: withRoleSessionName('jdoe@example.'), errors: [{ messageId: 'notEmail' }] },
    { name: 'a Windows-style login', input: withRoleSessionName('jdoe@CORP'), errors: [{ messageId: 'notEmail' }] },
  ],
});
