import { SAML020 } from '../../src/rules/saml/SAML020-destination-not-acs.js';
import { GENERIC, GENERIC_SP, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const LEGACY = 'https://sp.example.com/saml/acs/legacy';

ruleTester(SAML020, {
  valid: [
    { name: 'the ACS', input: genericLogin(), options: GENERIC },
    { name: 'the scheme and host in capitals', input: genericLogin({ destination: 'HTTPS://Sp.Example.com/saml/acs' }), options: GENERIC },
    { name: 'no Destination (optional)', input: genericLogin({ destination: null }), options: GENERIC },
    { name: 'an empty Destination is SAML021’s', input: genericLogin({ destination: '' }), options: GENERIC },
    { name: 'no --acs: unchecked', input: genericLogin({ destination: LEGACY }), options: { profile: 'generic' } },
    { name: 'aws profile: not served', input: genericLogin({ destination: LEGACY }), options: { sp: GENERIC_SP } },
  ],
  invalid: [
    {
      name: 'another ACS, pointing at Destination',
      input: genericLogin({ destination: LEGACY }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { destination: LEGACY, expected: GENERIC_SP.acs }, line: 2 }],
    },
    {
      name: 'a query string the ACS does not have',
      input: genericLogin({ destination: `${GENERIC_SP.acs}?acs` }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch' }],
    },
  ],
});
