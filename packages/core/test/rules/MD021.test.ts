import { MD021 } from '../../src/rules/md/MD021-aws-sp-acs-region-mismatch.js';
import { RELAY_STATE } from '../../../../test-vectors/lib/response.mjs';
import { awsSp } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const US_EAST_1 = awsSp('https://us-east-1.signin.aws.amazon.com/saml');

ruleTester(MD021, {
  valid: [
    { name: 'the instance region (from the relay state)', input: awsSp(), options: { relayState: RELAY_STATE } },
    { name: 'the instance region (from --region)', input: awsSp(), options: { region: 'eu-west-2' } },
    { name: 'the global endpoint names no region', input: awsSp('https://signin.aws.amazon.com/saml'), options: { region: 'eu-west-2' } },
    { name: 'no region: unchecked', input: US_EAST_1 },
    { name: 'not a sign-in endpoint is MD020’s', input: awsSp('https://example.com/saml'), options: { region: 'eu-west-2' } },
  ],
  invalid: [
    {
      name: 'us-east-1 for an eu-west-2 instance, pointing at the Location',
      input: US_EAST_1,
      options: { relayState: RELAY_STATE },
      errors: [{ messageId: 'mismatch', data: { acsRegion: 'us-east-1', region: 'eu-west-2' }, ...attributeValuePositionOf(US_EAST_1, 'Location') }],
    },
    {
      name: 'the encrypted-assertion ACS of another region',
      input: awsSp('https://us-west-2.signin.aws.amazon.com/saml/acs/SAMLPAJ5F3BQC8XK2LCM7D4E'),
      options: { region: 'eu-west-2' },
      errors: [{ messageId: 'mismatch', data: { acsRegion: 'us-west-2' } }],
    },
  ],
});
