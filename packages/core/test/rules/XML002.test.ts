import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XML002 } from '../../src/rules/xml/XML002-dtd-refused.js';
import { ruleTester } from '../rule-tester.js';

const laughs = `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(10)}"><!ENTITY b "${'&a;'.repeat(10)}"><!ENTITY c "${'&b;'.repeat(10)}">]><r>&c;</r>`;

ruleTester(XML002, {
  valid: [
    { name: 'a response without a DTD', input: buildResponse() },
    { name: 'the word DOCTYPE in text', input: buildResponse({ nameId: 'DOCTYPE' }) },
  ],
  invalid: [
    { name: 'billion laughs', input: laughs, errors: [{ messageId: 'declaration', data: { declaration: 'DOCTYPE' }, line: 1, column: 1 }] },
    {
      name: 'external entity (XXE)',
      input: '<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>',
      errors: [{ messageId: 'declaration', data: { declaration: 'DOCTYPE' }, line: 2 }],
    },
    { name: 'a lone entity declaration', input: '<r><!ENTITY x "y"></r>', errors: [{ messageId: 'declaration', data: { declaration: 'ENTITY' } }] },
  ],
});
