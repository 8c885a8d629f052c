import { MD016 } from '../../src/rules/md/MD016-sso-service-missing.js';
import { NAME_ID_FORMAT, awsSp, idp, idpWith, key } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const NO_SSO = idpWith(key() + NAME_ID_FORMAT);

ruleTester(MD016, {
  valid: [
    { name: 'an SSO service', input: idp() },
    { name: 'SP metadata has no IDPSSODescriptor', input: awsSp() },
  ],
  invalid: [
    { name: 'aws: a warning (AWS does not use it)', input: NO_SSO, errors: [{ messageId: 'missing', severity: 'warning', line: 3, column: 3 }] },
    { name: 'generic: an error (the schema requires one)', input: NO_SSO, options: { profile: 'generic' }, errors: [{ messageId: 'missing', severity: 'error' }] },
  ],
});
