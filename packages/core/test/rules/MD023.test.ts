import { MD023 } from '../../src/rules/md/MD023-aws-sp-acs-obsolete.js';
import { awsSp } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const STATIC = awsSp('https://signin.aws.amazon.com/static/saml');

ruleTester(MD023, {
  valid: [
    { name: 'the global endpoint', input: awsSp('https://signin.aws.amazon.com/saml') },
    { name: 'a regional endpoint', input: awsSp() },
  ],
  invalid: [
    {
      name: '/static/saml, pointing at the Location',
      input: STATIC,
      errors: [{ messageId: 'obsolete', data: { url: 'https://signin.aws.amazon.com/static/saml' }, severity: 'warning', ...attributeValuePositionOf(STATIC, 'Location') }],
    },
  ],
});
