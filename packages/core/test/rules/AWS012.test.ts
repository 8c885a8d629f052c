import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS012 } from '../../src/rules/aws/AWS012-principal-tag-key-duplicate.js';
import { ruleTester } from '../rule-tester.js';

const withTagAttributes = (...keys: string[]) =>
  buildResponse({ attributes: [...withAttributes({}), ...keys.map((key, i): [string, string[]] => [AWS.principalTag(key), [`v${i}`]])] });

ruleTester(AWS012, {
  valid: [
    { name: 'distinct keys', input: withTagAttributes('Department', 'CostCenter') },
    { name: 'near-miss attribute names are not tags (AWS016)', input: buildResponse({ attributes: [[AWS.principalTag('Dept'), ['a']], ['https://aws.amazon.com/SAML/Attributes/principaltag:dept', ['b']]] }) },
  ],
  invalid: [
    {
      name: 'keys that differ only in case, pointing at the second',
      input: withTagAttributes('Department', 'department'),
      errors: [{ messageId: 'caseOnly', data: { key: 'department', other: 'Department' }, line: 20 }],
    },
    {
      name: 'the same key twice',
      input: withTagAttributes('Department', 'Department'),
      errors: [{ messageId: 'repeated', data: { key: 'Department' } }],
    },
    {
      name: 'three spellings: each later one reported against the first',
      input: withTagAttributes('CostCenter', 'costcenter', 'COSTCENTER'),
      errors: [{ messageId: 'caseOnly', data: { key: 'costcenter' } }, { messageId: 'caseOnly', data: { key: 'COSTCENTER', other: 'CostCenter' } }],
    },
  ],
});
