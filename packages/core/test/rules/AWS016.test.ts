import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS016 } from '../../src/rules/aws/AWS016-attribute-name-near-miss.js';
import { ruleTester } from '../rule-tester.js';

const withNames = (...names: string[]) => buildResponse({ attributes: [...withAttributes({}), ...names.map((name): [string, string[]] => [name, ['x1']])] });

ruleTester(AWS016, {
  valid: [
    { name: 'exact names', input: withNames(AWS.sourceIdentity, AWS.principalTag('department'), AWS.transitiveTagKeys) },
    { name: 'unrelated names', input: withNames('email', 'http://schemas.xmlsoap.org/claims/Group', 'https://aws.amazon.com/SAML/Attributes/Other') },
  ],
  invalid: [
    {
      name: 'a lower-case SessionDuration, pointing at the Name',
      input: withNames('https://aws.amazon.com/SAML/Attributes/sessionduration'),
      errors: [{ messageId: 'nearMiss', data: { expected: AWS.sessionDuration }, line: 19, column: 29 }],
    },
    {
      name: 'http instead of https',
      input: withNames('http://aws.amazon.com/SAML/Attributes/RoleSessionName'),
      errors: [{ messageId: 'nearMiss', data: { expected: AWS.roleSessionName } }],
    },
    {
      name: 'a trailing space',
      input: withNames(`${AWS.role} `),
      errors: [{ messageId: 'nearMiss', data: { name: `${AWS.role} `, expected: AWS.role } }],
    },
    {
      name: 'all upper case',
      input: withNames(AWS.sourceIdentity.toUpperCase()),
      errors: [{ messageId: 'nearMiss', data: { expected: AWS.sourceIdentity } }],
    },
    {
      name: 'a PrincipalTag prefix in the wrong case keeps the key’s own case',
      input: withNames('http://aws.amazon.com/saml/attributes/principaltag:CostCenter'),
      errors: [{ messageId: 'nearMiss', data: { expected: AWS.principalTag('CostCenter') } }],
    },
    {
      name: 'TransitiveTagKeys in the wrong case',
      input: withNames('https://aws.amazon.com/SAML/Attributes/TransitiveTagkeys'),
      errors: [{ messageId: 'nearMiss', data: { expected: AWS.transitiveTagKeys } }],
    },
  ],
});
