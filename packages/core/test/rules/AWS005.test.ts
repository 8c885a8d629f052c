import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS005 } from '../../src/rules/aws/AWS005-role-partition-endpoint-mismatch.js';
import { ruleTester } from '../rule-tester.js';

const pair = (partition: string) =>
  `arn:${partition}:iam::123456789012:role/ConnectAgent,arn:${partition}:iam::123456789012:saml-provider/ExampleIdP`;
const login = (partition: string, recipient: string | null) =>
  buildResponse({ recipient, destination: recipient, attributes: withAttributes({ [AWS.role]: [pair(partition)] }) });

ruleTester(AWS005, {
  valid: [
    { name: 'commercial ARNs, regional endpoint', input: login('aws', 'https://eu-west-2.signin.aws.amazon.com/saml') },
    { name: 'GovCloud ARNs, GovCloud endpoint', input: login('aws-us-gov', 'https://signin.amazonaws-us-gov.com/saml') },
    { name: 'GovCloud ARNs, regional GovCloud endpoint', input: login('aws-us-gov', 'https://us-gov-east-1.signin.amazonaws-us-gov.com/saml') },
    { name: 'China ARNs, China endpoint', input: login('aws-cn', 'https://signin.amazonaws.cn/saml') },
    { name: 'commercial ARNs, Connect Global Resiliency endpoint', input: login('aws', 'https://0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b.us-east-1.sign-in.connect.aws/saml') },
    { name: 'a Recipient that is no endpoint is AWS014’s', input: login('aws-us-gov', 'https://idp.example.com/acs') },
    { name: 'no Recipient', input: login('aws-us-gov', null) },
    {
      name: 'halves in different partitions are AWS004’s',
      input: buildResponse({ attributes: withAttributes({ [AWS.role]: ['arn:aws-us-gov:iam::123456789012:role/A,arn:aws:iam::123456789012:saml-provider/B'] }) }),
    },
  ],
  invalid: [
    {
      name: 'GovCloud ARNs posted to the commercial endpoint',
      input: login('aws-us-gov', 'https://eu-west-2.signin.aws.amazon.com/saml'),
      errors: [{ messageId: 'mismatch', data: { arnPartition: 'aws-us-gov', endpointPartition: 'aws' }, line: 16, column: 177 }],
    },
    {
      name: 'commercial ARNs posted to the GovCloud endpoint',
      input: login('aws', 'https://signin.amazonaws-us-gov.com/saml'),
      errors: [{ messageId: 'mismatch', data: { arnPartition: 'aws', endpointPartition: 'aws-us-gov', recipient: 'https://signin.amazonaws-us-gov.com/saml' } }],
    },
    {
      name: 'commercial ARNs posted to the China endpoint',
      input: login('aws', 'https://signin.amazonaws.cn/saml'),
      errors: [{ messageId: 'mismatch', data: { endpointPartition: 'aws-cn' } }],
    },
  ],
});
