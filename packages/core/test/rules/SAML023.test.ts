import { SAML023 } from '../../src/rules/saml/SAML023-in-response-to-mismatch.js';
import { GENERIC, GENERIC_SP, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const OTHER = '_req0b1d2f3a4c5e6a7b8';
/** The clean generic login with a Response-level InResponseTo. */
const answering = (id: string) => genericLogin().replace('<samlp:Response ', `<samlp:Response InResponseTo="${id}" `);

ruleTester(SAML023, {
  valid: [
    { name: 'the bearer confirmation answers the request', input: genericLogin(), options: GENERIC },
    { name: 'the Response too', input: answering(GENERIC_SP.inResponseTo), options: GENERIC },
    { name: 'no --in-response-to: unchecked', input: genericLogin({}, { inResponseTo: OTHER }), options: { profile: 'generic' } },
    { name: 'aws profile: not served', input: genericLogin({}, { inResponseTo: OTHER }), options: { sp: GENERIC_SP } },
  ],
  invalid: [
    {
      name: 'the bearer confirmation answers another request',
      input: genericLogin({}, { inResponseTo: OTHER }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { element: 'SubjectConfirmationData', found: OTHER, expected: GENERIC_SP.inResponseTo }, line: 9 }],
    },
    {
      name: 'the Response answers another request',
      input: answering(OTHER),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { element: 'Response', found: OTHER }, line: 2 }],
    },
    {
      name: 'unsolicited: no InResponseTo anywhere (a warning)',
      input: genericLogin({}, { inResponseTo: null }),
      options: GENERIC,
      errors: [{ messageId: 'missing', data: { expected: GENERIC_SP.inResponseTo }, severity: 'warning' }],
    },
  ],
});
