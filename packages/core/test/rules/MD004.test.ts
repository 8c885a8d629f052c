import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { MD004 } from '../../src/rules/md/MD004-metadata-root-invalid.js';
import { IDP, idp } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(MD004, {
  valid: [
    { name: 'an EntityDescriptor', input: idp() },
    { name: 'a Response is not metadata', input: buildResponse() },
  ],
  invalid: [
    {
      name: 'a misspelt root of the metadata namespace (python3-saml noentity_metadata)',
      input: idp(`entityID="${IDP}"`, 'md:EntityDescriptor2'),
      errors: [{ messageId: 'unknownElement', data: { name: 'EntityDescriptor2' }, line: 2, column: 1 }],
    },
    {
      name: 'an EntityDescriptor without a namespace',
      input: `<EntityDescriptor entityID="${IDP}"/>`,
      errors: [{ messageId: 'wrongNamespace', data: { name: 'EntityDescriptor', namespace: 'no namespace' } }],
    },
    {
      name: 'an EntitiesDescriptor in another namespace',
      input: '<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:assertion"/>',
      errors: [{ messageId: 'wrongNamespace', data: { namespace: '`urn:oasis:names:tc:SAML:2.0:assertion`' } }],
    },
  ],
});
