import { MD020 } from '../../src/rules/md/MD020-aws-sp-acs-not-sign-in-endpoint.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { awsSp, idp } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const CONSOLE = 'https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b';

ruleTester(MD020, {
  valid: [
    { name: 'the regional endpoint', input: awsSp() },
    { name: 'the global endpoint', input: awsSp('https://signin.aws.amazon.com/saml') },
    { name: 'the encrypted-assertion ACS', input: awsSp('https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLPAJ5F3BQC8XK2LCM7D4E') },
    { name: 'GovCloud', input: awsSp('https://signin.amazonaws-us-gov.com/saml') },
    { name: 'a Connect Global Resiliency endpoint', input: awsSp('https://0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b.us-west-2.sign-in.connect.aws/saml') },
    { name: 'a malformed IdP-ID is MD022’s', input: awsSp('https://eu-west-2.signin.aws.amazon.com/saml/acs/abc') },
    { name: 'given with --metadata it is the wrong document (MD005)', input: buildResponse(), options: { metadata: awsSp(CONSOLE) } },
    { name: 'an IdP’s metadata', input: idp() },
    { name: 'generic profile', input: awsSp(CONSOLE), options: { profile: 'generic' } },
  ],
  invalid: [
    {
      name: 'the Connect console URL, pointing at the Location',
      input: awsSp(CONSOLE),
      errors: [{ messageId: 'notSignIn', data: { url: CONSOLE }, ...attributeValuePositionOf(awsSp(CONSOLE), 'Location') }],
    },
    { name: 'plain http', input: awsSp('http://signin.aws.amazon.com/saml'), errors: [{ messageId: 'notSignIn' }] },
    { name: 'a regional /static/saml', input: awsSp('https://eu-west-2.signin.aws.amazon.com/static/saml'), errors: [{ messageId: 'notSignIn' }] },
    { name: 'not a URL', input: awsSp('signin.aws.amazon.com/saml'), errors: [{ messageId: 'notSignIn' }] },
  ],
});
