import { MD002 } from '../../src/rules/md/MD002-entity-id-missing.js';
import { IDP, IDP_DESCRIPTOR, aggregate, idp } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(MD002, {
  valid: [
    { name: 'an entityID', input: idp() },
    { name: 'every entity of an aggregate has one', input: aggregate([`entityID="${IDP}"`, IDP_DESCRIPTOR]) },
  ],
  invalid: [
    {
      name: 'no entityID, pointing at the EntityDescriptor',
      input: idp('ID="_md1"'),
      errors: [{ messageId: 'missing', line: 2, column: 1 }],
    },
    {
      name: 'an empty entityID',
      input: idp('entityID=" "'),
      errors: [{ messageId: 'empty', line: 2 }],
    },
    {
      name: 'an entity of an aggregate',
      input: aggregate([`entityID="${IDP}"`, IDP_DESCRIPTOR], ['ID="_sp"', IDP_DESCRIPTOR]),
      errors: [{ messageId: 'missing', line: 3 }],
    },
  ],
});
