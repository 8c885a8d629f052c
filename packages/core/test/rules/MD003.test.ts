import { MD003 } from '../../src/rules/md/MD003-entities-descriptor-root.js';
import { IDP, IDP_DESCRIPTOR, SP_DESCRIPTOR, aggregate, idp } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const federation = aggregate([`entityID="${IDP}"`, IDP_DESCRIPTOR], ['entityID="https://sp.example.com/saml/metadata"', SP_DESCRIPTOR]);

ruleTester(MD003, {
  valid: [
    { name: 'one EntityDescriptor', input: idp() },
    { name: 'generic: one EntityDescriptor', input: idp(), options: { profile: 'generic' } },
  ],
  invalid: [
    {
      name: 'aws: an aggregate is an error',
      input: federation,
      errors: [{ messageId: 'aggregate', data: { count: 2 }, line: 1, column: 1, severity: 'error' }],
    },
    {
      name: 'generic: a warning (some SPs select the entity by entityID)',
      input: federation,
      options: { profile: 'generic' },
      errors: [{ messageId: 'aggregate', severity: 'warning' }],
    },
    {
      name: 'an empty aggregate',
      input: aggregate(),
      errors: [{ messageId: 'aggregate', data: { count: 0 } }],
    },
  ],
});
