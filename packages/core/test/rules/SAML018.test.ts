import { SAML018 } from '../../src/rules/saml/SAML018-audience-mismatch.js';
import { GENERIC, GENERIC_SP, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const OTHER = 'https://other.example.com/saml/metadata';
const secondRestriction = (audience: string) =>
  genericLogin().replace(
    '\n    </saml:Conditions>',
    `<saml:AudienceRestriction><saml:Audience>${audience}</saml:Audience></saml:AudienceRestriction>\n    </saml:Conditions>`,
  );

ruleTester(SAML018, {
  valid: [
    { name: 'the SP’s entity ID', input: genericLogin(), options: GENERIC },
    { name: 'among other audiences', input: genericLogin({ audiences: [OTHER, GENERIC_SP.audience] }), options: GENERIC },
    { name: 'surrounding whitespace (xs:anyURI collapses it)', input: genericLogin({ audiences: [` ${GENERIC_SP.audience}\n`] }), options: GENERIC },
    { name: 'no AudienceRestriction is SAML016’s', input: genericLogin({ audiences: null }), options: GENERIC },
    { name: 'an empty AudienceRestriction is SAML016’s', input: genericLogin({ audiences: [] }), options: GENERIC },
    { name: 'no --audience: unchecked', input: genericLogin({ audiences: [OTHER] }), options: { profile: 'generic' } },
    { name: 'aws profile: AWS015’s', input: genericLogin({ audiences: [OTHER] }), options: { sp: GENERIC_SP } },
  ],
  invalid: [
    {
      name: 'another SP’s entity ID, pointing at it',
      input: genericLogin({ audiences: [OTHER] }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { expected: GENERIC_SP.audience, found: `\`${OTHER}\`` }, line: 12, column: 48 }],
    },
    {
      name: 'case matters',
      input: genericLogin({ audiences: [GENERIC_SP.audience.toUpperCase()] }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch' }],
    },
    {
      name: 'a second AudienceRestriction the SP does not meet',
      input: secondRestriction(OTHER),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { found: `\`${OTHER}\`` } }],
    },
  ],
});
