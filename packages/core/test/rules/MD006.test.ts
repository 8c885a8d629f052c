import { MD006 } from '../../src/rules/md/MD006-metadata-entity-id-mismatch.js';
import { IDP, IDP_DESCRIPTOR, MD, SP_DESCRIPTOR, aggregate, idp } from '../metadata-fixtures.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { ruleTester } from '../rule-tester.js';

const OTHER = 'http://www.okta.com/exk9z8y7x6w5v4u3t2s1';
const expectIdp = { sp: { issuer: IDP } };

ruleTester(MD006, {
  valid: [
    { name: 'the expected IdP', input: idp(), options: expectIdp },
    { name: 'generic profile', input: idp(), options: { ...expectIdp, profile: 'generic' } },
    { name: 'an aggregate that holds it', input: aggregate([`entityID="${OTHER}"`, IDP_DESCRIPTOR], [`entityID="${IDP}"`, IDP_DESCRIPTOR]), options: expectIdp },
    { name: 'no --issuer: unchecked', input: idp(`entityID="${OTHER}"`) },
    { name: 'SP metadata is MD005’s', input: `<md:EntityDescriptor xmlns:md="${MD}" entityID="${OTHER}">${SP_DESCRIPTOR}</md:EntityDescriptor>`, options: expectIdp },
    { name: 'no entityID is MD002’s', input: idp('ID="_md1"'), options: expectIdp },
    // --metadata alone makes its entityID the expected Issuer: a mismatch is the response's (SAML022), reported once.
    {
      name: 'a response of another IdP checked with --metadata',
      input: buildResponse({ issuer: OTHER, responseIssuer: OTHER }),
      options: { metadata: idp() },
    },
  ],
  invalid: [
    {
      name: 'another IdP, pointing at its entityID',
      input: idp(`entityID="${OTHER}"`),
      options: expectIdp,
      errors: [{ messageId: 'mismatch', data: { found: `\`${OTHER}\``, expected: IDP }, line: 2 }],
    },
    {
      name: 'an aggregate of other IdPs, pointing at the root',
      input: aggregate([`entityID="${OTHER}"`, IDP_DESCRIPTOR], ['entityID="https://idp2.example.com/"', IDP_DESCRIPTOR]),
      options: expectIdp,
      errors: [{ messageId: 'mismatch', data: { found: `\`${OTHER}\`, \`https://idp2.example.com/\`` }, line: 1, column: 1 }],
    },
  ],
});
