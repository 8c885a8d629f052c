import { IDP002 } from '../../src/rules/idp/index.js';
import { ruleTester } from '../rule-tester.js';

const app = (signOn: Record<string, unknown>) =>
  JSON.stringify({ id: '0oa1', label: 'Connect', signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: 'https://signin.aws.amazon.com/saml', ...signOn } } }, null, 2);

ruleTester(IDP002, {
  valid: [
    { name: 'both signed', input: app({ responseSigned: true, assertionSigned: true }) },
    { name: 'only the assertion signed', input: app({ responseSigned: false, assertionSigned: true }) },
    { name: 'signing not in the file', input: app({}) },
  ],
  invalid: [
    {
      name: 'nothing signed',
      input: app({ responseSigned: false, assertionSigned: false }),
      errors: [{ messageId: 'nothingSigned', data: { assertionPath: 'settings.signOn.assertionSigned' }, severity: 'error' }],
    },
    {
      name: 'only the response signed',
      input: app({ responseSigned: true, assertionSigned: false }),
      errors: [{ messageId: 'assertionUnsigned', data: { path: 'settings.signOn.assertionSigned' }, severity: 'warning' }],
    },
  ],
});
