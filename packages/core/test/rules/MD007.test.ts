import { MD007 } from '../../src/rules/md/MD007-metadata-size.js';
import { MD, SP_DESCRIPTOR, idp, idpWith, sso } from '../metadata-fixtures.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { ruleTester } from '../rule-tester.js';

const SHORT = idpWith(sso());
// Padding in a comment: the size counts the document as given, whatever it holds.
const padded = (text: string, length: number) => text.replace('\n', `\n<!--${'x'.repeat(length - text.length - 8)}-->\n`);

ruleTester(MD007, {
  valid: [
    { name: 'exported metadata with its signing certificate', input: idp() },
    { name: 'exactly 1,000 characters', input: padded(SHORT, 1_000) },
    { name: 'generic profile: AWS’s limits do not apply', input: SHORT, options: { profile: 'generic' } },
    { name: 'an SP’s metadata is not what IAM takes (MD005)', input: `<md:EntityDescriptor xmlns:md="${MD}" entityID="https://sp.example.com/">${SP_DESCRIPTOR}</md:EntityDescriptor>` },
    { name: 'a response checked with --metadata of normal size', input: buildResponse(), options: { metadata: idp() } },
  ],
  invalid: [
    {
      name: 'metadata cut down to its entityID and SSO URL',
      input: SHORT,
      errors: [{ messageId: 'tooShort', data: { length: String(SHORT.length) }, line: 2, column: 1 }],
    },
    {
      name: 'one character short',
      input: padded(SHORT, 999),
      errors: [{ messageId: 'tooShort', data: { length: '999' } }],
    },
    {
      name: 'a surrogate pair counts as one character',
      input: padded(SHORT, 1_000).replace('xx', '😀'),
      errors: [{ messageId: 'tooShort', data: { length: '999' } }],
    },
    {
      name: 'over 10,000,000 characters',
      input: padded(idp(), 10_000_001),
      errors: [{ messageId: 'tooLong', data: { length: '10,000,001' } }],
    },
    {
      name: 'a byte order mark counts: the document as given',
      input: `\uFEFF${padded(SHORT, 998)}`,
      errors: [{ messageId: 'tooShort', data: { length: '999' } }],
    },
    {
      name: '--metadata that is too short, located in the metadata',
      input: buildResponse(),
      options: { metadata: SHORT },
      errors: [{ messageId: 'tooShort', line: 2 }],
    },
  ],
});
