import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS013 } from '../../src/rules/aws/AWS013-transitive-tag-key-unknown.js';
import { ruleTester } from '../rule-tester.js';

const login = (transitive: string[], tags: string[] = ['Department']) =>
  buildResponse({
    attributes: withAttributes({
      ...Object.fromEntries(tags.map((key) => [AWS.principalTag(key), ['v']])),
      [AWS.transitiveTagKeys]: transitive,
    }),
  });

ruleTester(AWS013, {
  valid: [
    { name: 'a transitive key that is a tag', input: login(['Department']) },
    { name: 'tag keys compare ignoring case', input: login(['department']) },
    { name: 'no TransitiveTagKeys', input: buildResponse() },
    { name: '50 transitive keys, all tags', input: login(Array.from({ length: 50 }, (_, i) => `T${i}`), Array.from({ length: 50 }, (_, i) => `T${i}`)) },
  ],
  invalid: [
    {
      name: 'a key with no PrincipalTag',
      input: login(['Department', 'CostCenter']),
      errors: [{ messageId: 'unknown', data: { key: 'CostCenter' }, line: 20 }],
    },
    {
      name: 'transitive keys and no tags at all',
      input: login(['Department'], []),
      errors: [{ messageId: 'unknown', data: { key: 'Department' } }],
    },
    {
      name: '51 transitive keys',
      input: login(Array.from({ length: 51 }, (_, i) => `T${i}`), Array.from({ length: 51 }, (_, i) => `T${i}`)),
      errors: [{ messageId: 'tooMany', data: { count: 51 } }],
    },
  ],
});
