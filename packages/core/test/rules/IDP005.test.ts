import { IDP005 } from '../../src/rules/idp/index.js';
import { ruleTester } from '../rule-tester.js';

const SIGN_IN = 'https://eu-west-2.signin.aws.amazon.com/saml';
const app = (signOn: Record<string, unknown>) => JSON.stringify({ id: '0oa1', label: 'Connect', signOnMode: 'SAML_2_0', settings: { signOn } }, null, 2);

ruleTester(IDP005, {
  valid: [
    { name: 'the same endpoint', input: app({ ssoAcsUrl: SIGN_IN, recipient: SIGN_IN }) },
    { name: 'no separate Recipient', input: app({ ssoAcsUrl: SIGN_IN }) },
  ],
  invalid: [
    {
      name: 'the ACS is the Connect console',
      input: app({ ssoAcsUrl: 'https://eu-west-2.console.aws.amazon.com/connect/home', recipient: SIGN_IN }),
      errors: [{ messageId: 'mismatch', data: { acs: 'https://eu-west-2.console.aws.amazon.com/connect/home', recipient: SIGN_IN }, line: 7 }],
    },
  ],
});
