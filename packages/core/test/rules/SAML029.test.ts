import { SAML029 } from '../../src/rules/saml/SAML029-nameid-sp-name-qualifier-mismatch.js';
import { GENERIC, GENERIC_SP, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const OTHER = 'https://other.example.com/saml/metadata';

ruleTester(SAML029, {
  valid: [
    { name: 'no SPNameQualifier (optional)', input: genericLogin(), options: GENERIC },
    { name: 'the SP’s entity ID', input: genericLogin({ nameIdSpNameQualifier: GENERIC_SP.audience }), options: GENERIC },
    { name: 'an empty SPNameQualifier qualifies nothing', input: genericLogin({ nameIdSpNameQualifier: '' }), options: GENERIC },
    { name: 'no --audience: unchecked', input: genericLogin({ nameIdSpNameQualifier: OTHER }), options: { profile: 'generic' } },
    { name: 'aws profile: not served', input: genericLogin({ nameIdSpNameQualifier: OTHER }), options: { sp: GENERIC_SP } },
  ],
  invalid: [
    {
      name: 'another SP, pointing at the attribute',
      input: genericLogin({ nameIdSpNameQualifier: OTHER }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { qualifier: OTHER, expected: GENERIC_SP.audience }, line: 8 }],
    },
  ],
});
