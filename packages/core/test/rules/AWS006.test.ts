import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS006 } from '../../src/rules/aws/AWS006-role-session-name-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(AWS006, {
  valid: [
    { name: 'a clean login', input: buildResponse() },
    { name: 'an invalid value is AWS007’s', input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: ['Jane Doe'] }) }) },
    { name: 'an empty value is AWS007’s', input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: [''] }) }) },
    { name: 'no readable Assertion', input: buildResponse({ assertionCount: 2 }) },
  ],
  invalid: [
    {
      name: 'no RoleSessionName attribute',
      input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: null }) }),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
    },
    {
      name: 'a RoleSessionName attribute without a value',
      input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: [] }) }),
      errors: [{ messageId: 'noValue', line: 17 }],
    },
    {
      name: 'only a near-miss name (AWS matches exactly)',
      input: buildResponse({
        attributes: withAttributes({ [AWS.roleSessionName]: null, 'http://aws.amazon.com/SAML/Attributes/RoleSessionName': ['jdoe'] }),
      }),
      errors: [{ messageId: 'missing' }],
    },
  ],
});
