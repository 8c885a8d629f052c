import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS011 } from '../../src/rules/aws/AWS011-principal-tag-invalid.js';
import { ruleTester } from '../rule-tester.js';

const withTags = (tags: Record<string, string[]>) =>
  buildResponse({ attributes: withAttributes(Object.fromEntries(Object.entries(tags).map(([key, values]) => [AWS.principalTag(key), values]))) });
const manyTags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`Tag${i}`, ['v']]));

ruleTester(AWS011, {
  valid: [
    { name: 'ordinary tags', input: withTags({ Department: ['Customer Service'], CostCenter: ['12345'] }) },
    { name: 'every allowed symbol, letters in any script', input: withTags({ 'team_a.b:c/d=e+f-g@h': ['Kundendienst - Zürich / Ø'] }) },
    { name: 'an empty value', input: withTags({ Department: [''] }) },
    { name: '128-character key and 256-character value', input: withTags({ ['k'.repeat(128)]: ['v'.repeat(256)] }) },
    { name: 'exactly 50 tags', input: withTags(manyTags(50)) },
  ],
  invalid: [
    {
      name: 'two values for one tag',
      input: withTags({ Department: ['Sales', 'Support'] }),
      errors: [{ messageId: 'valueCount', data: { key: 'Department', count: 2 }, line: 19 }],
    },
    {
      name: 'no value',
      input: withTags({ Department: [] }),
      errors: [{ messageId: 'valueCount', data: { count: 0 } }],
    },
    {
      name: '51 tags',
      input: withTags(manyTags(51)),
      errors: [{ messageId: 'tooMany', data: { count: 51 } }],
    },
    {
      name: 'an empty key',
      input: withTags({ '': ['x'] }),
      errors: [{ messageId: 'keyEmpty' }],
    },
    {
      name: 'a reserved key, pointing at the Name',
      input: withTags({ 'aws:Department': ['Sales'] }),
      errors: [{ messageId: 'keyReserved', data: { key: 'aws:Department' }, line: 19, column: 29 }],
    },
    {
      name: 'a key with a character STS does not allow',
      input: withTags({ 'Cost#Center': ['1'] }),
      errors: [{ messageId: 'keyCharacters', data: { characters: '`#`' } }],
    },
    {
      name: 'a 129-character key',
      input: withTags({ ['k'.repeat(129)]: ['v'] }),
      errors: [{ messageId: 'keyTooLong', data: { length: 129 } }],
    },
    {
      name: 'a reserved value',
      input: withTags({ Department: ['AWS:sales'] }),
      errors: [{ messageId: 'valueReserved', data: { value: 'AWS:sales' } }],
    },
    {
      name: 'a value with a comma',
      input: withTags({ Groups: ['Sales,Support'] }),
      errors: [{ messageId: 'valueCharacters', data: { characters: '`,`' } }],
    },
    {
      name: 'a 257-character value',
      input: withTags({ Department: ['v'.repeat(257)] }),
      errors: [{ messageId: 'valueTooLong', data: { key: 'Department', length: 257 } }],
    },
  ],
});
