import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS001 } from '../../src/rules/aws/AWS001-role-attribute-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(AWS001, {
  valid: [
    { name: 'a clean login', input: buildResponse() },
    { name: 'an empty value is AWS002’s', input: buildResponse({ attributes: withAttributes({ [AWS.role]: [''] }) }) },
    {
      name: 'a second Role attribute has the values',
      input: buildResponse({ attributes: [[AWS.role, []], ...withAttributes({})] }),
    },
    { name: 'an encrypted or missing Assertion is not read', input: buildResponse({ assertionCount: 0 }) },
  ],
  invalid: [
    {
      name: 'no Role attribute, pointing at the AttributeStatement',
      input: buildResponse({ attributes: withAttributes({ [AWS.role]: null }) }),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
    },
    {
      name: 'no AttributeStatement at all',
      input: buildResponse({ attributes: [] }),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a Role attribute without values',
      input: buildResponse({ attributes: withAttributes({ [AWS.role]: [] }) }),
      errors: [{ messageId: 'noValue', line: 16 }],
    },
    {
      name: 'the Role attribute named in lower case is not the Role attribute',
      input: buildResponse({
        attributes: withAttributes({ [AWS.role]: null, 'https://aws.amazon.com/SAML/Attributes/role': ['x,y'] }),
      }),
      errors: [{ messageId: 'missing' }],
    },
  ],
});
