import { MD008 } from '../../src/rules/md/MD008-metadata-encoding.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { idp } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const ORGANIZATION = '<md:Organization><md:OrganizationName xml:lang="fr">Société Exemple</md:OrganizationName></md:Organization>';
const withOrganization = (name: string) => idp().replace('</md:EntityDescriptor>', ORGANIZATION.replace('Société Exemple', name) + '</md:EntityDescriptor>');
/** What the CLI reads from a file saved as Windows-1252: each byte that is not UTF-8 becomes U+FFFD. */
const readAsUtf8 = (text: string) => Buffer.from(text, 'latin1').toString('utf8');

ruleTester(MD008, {
  valid: [
    { name: 'UTF-8 without BOM', input: idp() },
    { name: 'non-ASCII text in UTF-8', input: withOrganization('Société Exemple') },
    { name: 'generic profile: a BOM is valid XML', input: `\uFEFF${idp()}`, options: { profile: 'generic' } },
    { name: 'a response with --metadata in UTF-8', input: buildResponse(), options: { metadata: idp() } },
  ],
  invalid: [
    {
      name: 'a byte order mark, pointing at the start',
      input: `\uFEFF${idp()}`,
      errors: [{ messageId: 'byteOrderMark', line: 1, column: 1 }],
    },
    {
      name: 'a byte order mark on --metadata (stripped before parsing, still reported)',
      input: buildResponse(),
      options: { metadata: `\uFEFF${idp()}` },
      errors: [{ messageId: 'byteOrderMark', line: 1, column: 1 }],
    },
    {
      name: 'a file saved as Windows-1252, pointing at the first bad byte',
      input: readAsUtf8(withOrganization('Société Exemple')),
      errors: [{ messageId: 'notUtf8', data: { count: 2 }, line: 4 }],
    },
    {
      name: 'both',
      input: `\uFEFF${readAsUtf8(withOrganization('Zoë'))}`,
      errors: [
        { messageId: 'byteOrderMark', line: 1 },
        { messageId: 'notUtf8', data: { count: 1 } },
      ],
    },
  ],
});
