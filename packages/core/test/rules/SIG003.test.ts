import { DEFAULTS } from '../../../../test-vectors/lib/response.mjs';
import { replaceOnce, signatureIntoExtensions, xsw1, xsw5, xsw7, xsw8 } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG003 } from '../../src/rules/sig/SIG003-reference-unresolved.js';
import { ruleTester } from '../rule-tester.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, SIGNED_RESPONSE, trusting } from '../sig-fixtures.js';

const ASSERTION_REF = `URI="#${DEFAULTS.assertionId}"`;

ruleTester(SIG003, {
  valid: [
    { name: 'Response and Assertion signed, each enveloped', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'only the Assertion signed', input: SIGNED_ASSERTION },
    { name: 'only the Response signed', input: SIGNED_RESPONSE },
  ],
  invalid: [
    {
      name: 'the signed Assertion’s ID renamed after signing',
      input: replaceOnce(SIGNED_ASSERTION, `ID="${DEFAULTS.assertionId}"`, 'ID="_renamed"'),
      errors: [{ messageId: 'nowhere', data: { uri: `#${DEFAULTS.assertionId}` }, ...attributeValuePositionOf(SIGNED_ASSERTION, 'URI') }],
    },
    {
      name: 'the Response given the Assertion’s ID',
      input: replaceOnce(SIGNED_ASSERTION, `ID="${DEFAULTS.responseId}"`, `ID="${DEFAULTS.assertionId}"`),
      errors: [{ messageId: 'duplicated', data: { uri: `#${DEFAULTS.assertionId}`, count: 2 } }],
    },
    {
      name: 'XSW7: an evil copy keeping the ID inside samlp:Extensions',
      input: xsw7(SIGNED_ASSERTION),
      errors: [{ messageId: 'duplicated', data: { count: 2 } }],
    },
    {
      name: 'XSW8: an unsigned copy keeping the ID inside a ds:Object',
      input: xsw8(SIGNED_ASSERTION),
      errors: [{ messageId: 'duplicated', data: { count: 2 } }],
    },
    {
      name: 'the Assertion’s Signature moved into samlp:Extensions',
      input: signatureIntoExtensions(SIGNED_ASSERTION),
      errors: [{ messageId: 'notEnveloped', data: { parent: 'samlp:Extensions', target: 'saml:Assertion' } }],
    },
    {
      name: 'XSW1: the root’s Signature signs a copy of the Response inside it',
      input: xsw1(SIGNED_RESPONSE),
      errors: [{ messageId: 'notEnveloped', data: { parent: 'samlp:Response', target: 'samlp:Response' } }],
    },
    {
      name: 'XSW5: the evil Assertion keeps the Signature over an appended copy',
      input: xsw5(SIGNED_ASSERTION),
      errors: [{ messageId: 'notEnveloped', data: { parent: 'saml:Assertion', target: 'saml:Assertion' } }],
    },
    {
      name: 'a reference to the Subject',
      input: replaceOnce(replaceOnce(SIGNED_ASSERTION, '<saml:Subject>', '<saml:Subject ID="_s1">'), ASSERTION_REF, 'URI="#_s1"'),
      errors: [{ messageId: 'wrongElement', data: { target: 'saml:Subject' } }],
    },
    {
      name: 'a whole-document reference',
      input: replaceOnce(SIGNED_ASSERTION, ASSERTION_REF, 'URI=""'),
      errors: [{ messageId: 'notSameDocument', data: { uri: '' } }],
    },
    {
      name: 'an XPointer reference',
      input: replaceOnce(SIGNED_ASSERTION, ASSERTION_REF, `URI="#xpointer(id('${DEFAULTS.assertionId}'))"`),
      errors: [{ messageId: 'nowhere' }],
    },
  ],
});
