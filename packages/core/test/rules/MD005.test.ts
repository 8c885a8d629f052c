import { MD005 } from '../../src/rules/md/MD005-metadata-not-idp.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IDP, IDP_DESCRIPTOR, MD, SP_DESCRIPTOR, aggregate, awsSp, idp } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const SP = 'https://sp.example.com/saml/metadata';
const spMetadata = (entityId: string) => `<md:EntityDescriptor xmlns:md="${MD}" entityID="${entityId}">${SP_DESCRIPTOR}</md:EntityDescriptor>`;

ruleTester(MD005, {
  valid: [
    { name: 'IdP metadata', input: idp() },
    // Linted on its own, AWS's SP metadata is what users edit before giving it to the IdP: MD020–MD023 check it.
    { name: 'AWS’s SP metadata as the input', input: awsSp() },
    { name: 'a minimal AWS SP metadata as the input', input: spMetadata('urn:amazon:webservices') },
    { name: 'an aggregate that holds the IdP', input: aggregate([`entityID="${SP}"`, SP_DESCRIPTOR], [`entityID="${IDP}"`, IDP_DESCRIPTOR]) },
  ],
  invalid: [
    {
      name: 'an SP’s metadata',
      input: spMetadata(SP),
      errors: [{ messageId: 'notIdp', data: { roles: '`SPSSODescriptor`' }, line: 1, column: 1 }],
    },
    {
      name: 'generic: the SP’s own metadata (entityID is --audience)',
      input: spMetadata(SP),
      options: { profile: 'generic', sp: { audience: SP } },
      errors: [{ messageId: 'notIdp' }],
    },
    {
      name: 'AWS’s SP metadata given with --metadata, where the IdP’s belongs',
      input: buildResponse(),
      options: { metadata: awsSp() },
      errors: [{ messageId: 'awsSp', line: 4, column: 1 }],
    },
    {
      name: 'an aggregate of SPs (python3-saml entities_metadata)',
      input: aggregate([`entityID="${SP}"`, SP_DESCRIPTOR], ['entityID="https://sp2.example.com/"', SP_DESCRIPTOR]),
      errors: [{ messageId: 'notIdp', data: { roles: '`SPSSODescriptor`' } }],
    },
    {
      name: 'an entity with no role',
      input: `<md:EntityDescriptor xmlns:md="${MD}" entityID="${IDP}"/>`,
      errors: [{ messageId: 'notIdp', data: { roles: 'no role descriptor' } }],
    },
  ],
});
