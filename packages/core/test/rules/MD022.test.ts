import { MD022 } from '../../src/rules/md/MD022-aws-sp-acs-provider-id-invalid.js';
import { awsSp } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/';
const LOWER = awsSp(`${ACS}samlpaj5f3bqc8xk2lcm7d4e`);

ruleTester(MD022, {
  valid: [
    { name: 'a well-formed IdP-ID', input: awsSp(`${ACS}SAMLPAJ5F3BQC8XK2LCM7D4E`) },
    { name: 'the unencrypted endpoint', input: awsSp() },
    { name: '/saml/acs on another host is MD020’s', input: awsSp('https://idp.example.com/saml/acs/abc') },
  ],
  invalid: [
    {
      name: 'typed in lower case, pointing at the Location',
      input: LOWER,
      errors: [{ messageId: 'invalid', data: { id: 'samlpaj5f3bqc8xk2lcm7d4e' }, ...attributeValuePositionOf(LOWER, 'Location') }],
    },
    { name: 'too short', input: awsSp(`${ACS}SAMLP123`), errors: [{ messageId: 'invalid', data: { id: 'SAMLP123' } }] },
    { name: 'a trailing slash', input: awsSp(`${ACS}SAMLPAJ5F3BQC8XK2LCM7D4E/`), errors: [{ messageId: 'invalid', data: { id: 'SAMLPAJ5F3BQC8XK2LCM7D4E/' } }] },
    { name: 'a placeholder left in', input: awsSp(`${ACS}{IdP-ID}`), errors: [{ messageId: 'invalid' }] },
    { name: 'no IdP-ID', input: awsSp(ACS), errors: [{ messageId: 'missing' }] },
    { name: 'no IdP-ID nor slash', input: awsSp(ACS.slice(0, -1)), errors: [{ messageId: 'missing' }] },
  ],
});
