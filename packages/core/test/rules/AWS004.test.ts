import { AWS, PROVIDER_ARN, ROLE_ARN, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS004 } from '../../src/rules/aws/AWS004-role-pair-account-mismatch.js';
import { ruleTester } from '../rule-tester.js';

const withRole = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.role]: values }) });
const OTHER_PROVIDER = 'arn:aws:iam::210987654321:saml-provider/ExampleIdP';

ruleTester(AWS004, {
  valid: [
    { name: 'same account', input: withRole(`${ROLE_ARN},${PROVIDER_ARN}`) },
    { name: 'same account, provider first', input: withRole(`${PROVIDER_ARN},${ROLE_ARN}`) },
    { name: 'a malformed pair is AWS002’s', input: withRole(`${ROLE_ARN},arn:aws:iam::2109876543:saml-provider/ExampleIdP`) },
    { name: 'whitespace does not hide a match', input: withRole(` ${ROLE_ARN} , ${PROVIDER_ARN} `) },
  ],
  invalid: [
    {
      name: 'the provider in another account, pointing at the provider',
      input: withRole(`${ROLE_ARN},${OTHER_PROVIDER}`),
      errors: [{ messageId: 'account', data: { roleAccount: '123456789012', providerAccount: '210987654321' }, line: 16, column: 177 + ROLE_ARN.length + 1 }],
    },
    {
      name: 'provider first, in another account',
      input: withRole(`${OTHER_PROVIDER},${ROLE_ARN}`),
      errors: [{ messageId: 'account', data: { providerAccount: '210987654321' }, column: 177 }],
    },
    {
      name: 'a GovCloud role with a commercial provider',
      input: withRole(`arn:aws-us-gov:iam::123456789012:role/ConnectAgent,${PROVIDER_ARN}`),
      errors: [{ messageId: 'partition', data: { rolePartition: 'aws-us-gov', providerPartition: 'aws' } }],
    },
    {
      name: 'each mismatched pair of several',
      input: withRole(`${ROLE_ARN},${OTHER_PROVIDER}`, `${ROLE_ARN},${PROVIDER_ARN}`, `arn:aws:iam::999999999999:role/Admin,${PROVIDER_ARN}`),
      errors: [{ messageId: 'account' }, { messageId: 'account', data: { roleAccount: '999999999999' } }],
    },
  ],
});
