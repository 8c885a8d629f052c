import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS007 } from '../../src/rules/aws/AWS007-role-session-name-invalid.js';
import { ruleTester } from '../rule-tester.js';

const withName = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: values }) });

ruleTester(AWS007, {
  valid: [
    { name: 'an email address', input: withName('jane.doe@example.com') },
    { name: 'every allowed symbol', input: withName('a_b+c=d,e.f@g-h') },
    { name: 'exactly 2 characters', input: withName('jd') },
    { name: 'exactly 64 characters', input: withName('j'.repeat(64)) },
    { name: 'only the first value is read (extra values are AWS008’s)', input: withName('jdoe', 'Jane Doe') },
    { name: 'a missing attribute is AWS006’s', input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: null }) }) },
  ],
  invalid: [
    {
      name: 'a display name with a space',
      input: withName('Jane Doe'),
      errors: [{ messageId: 'characters', data: { value: 'Jane Doe', characters: 'a space' }, line: 17, column: 188 }],
    },
    {
      name: 'several bad characters, each named once',
      input: withName('O’Brien, Jane (ext)'),
      errors: [{ messageId: 'characters', data: { characters: '`’`, a space, `(`, `)`' } }],
    },
    {
      name: 'a pretty-printed value: a warning, as whitespace around a Role is (AWS003), and the rest is checked without it',
      input: withName('\n      jdoe\n    '),
      errors: [{ messageId: 'surroundingWhitespace', data: { value: '\n      jdoe\n    ' }, severity: 'warning' }],
    },
    {
      name: 'padding around a display name: the warning and the error inside',
      input: withName(' Jane Doe '),
      errors: [
        { messageId: 'surroundingWhitespace', severity: 'warning' },
        { messageId: 'characters', data: { value: 'Jane Doe', characters: 'a space' }, severity: 'error' },
      ],
    },
    {
      name: 'a line break inside the value',
      input: withName('jane\ndoe'),
      errors: [{ messageId: 'characters', data: { characters: 'a line break' }, severity: 'error' }],
    },
    {
      name: 'one character',
      input: withName('j'),
      errors: [{ messageId: 'tooShort', data: { value: 'j', length: 1 } }],
    },
    {
      name: '65 characters',
      input: withName('j'.repeat(65)),
      errors: [{ messageId: 'tooLong', data: { length: 65 } }],
    },
    {
      name: 'too long and with spaces: both said',
      input: withName(`Jane ${'x'.repeat(64)}`),
      errors: [{ messageId: 'characters' }, { messageId: 'tooLong', data: { length: 69 } }],
    },
    {
      name: 'an empty value',
      input: withName(''),
      errors: [{ messageId: 'empty' }],
    },
  ],
});
