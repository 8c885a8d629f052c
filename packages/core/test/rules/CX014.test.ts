import { AWS, PROVIDER_ARN, ROLE_ARN, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { CX014 } from '../../src/rules/cx/CX014-multiple-role-pairs.js';
import { CLEAN, positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const supervisor = `arn:aws:iam::123456789012:role/ConnectSupervisor,${PROVIDER_ARN}`;
const roles = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.role]: values }) });
const two = roles(`${ROLE_ARN},${PROVIDER_ARN}`, supervisor);

ruleTester(CX014, {
  valid: [
    { name: 'one role pair', input: CLEAN },
    { name: 'no Role attribute is AWS’s', input: roles() },
  ],
  invalid: [
    {
      name: 'two role pairs',
      input: two,
      errors: [{ messageId: 'multiple', data: { count: 2 }, ...positionOf(two, 'arn:aws:iam::123456789012:role/ConnectSupervisor') }],
    },
    {
      name: 'two Role attributes of one value each',
      input: buildResponse({
        attributes: [...withAttributes({}), [AWS.role, [supervisor]]],
      }),
      errors: [{ messageId: 'multiple', data: { count: 2 } }],
    },
  ],
});
