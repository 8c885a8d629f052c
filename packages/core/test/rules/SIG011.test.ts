import { ATTACKER_SESSION_NAME, VICTIM_SESSION_NAME, appendUnsignedAssertion, replaceOnce, xsw1, xsw2, xsw3, xsw4, xsw5, xsw6, xsw7 } from '../../../../test-vectors/lib/manipulate.mjs';
import { DEFAULTS, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SIG011 } from '../../src/rules/sig/SIG011-signature-wrapping.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, SIGNED_RESPONSE, trusting } from '../sig-fixtures.js';

const idp = trusting('idp');

/** XSW2, with the evil root's Assertion (the last to carry the signed Assertion's ID) given an ID of its own. */
const XSW2_NEW_ID = ((xml: string) => {
  const id = `ID="${DEFAULTS.assertionId}"`;
  const at = xml.lastIndexOf(id);
  return `${xml.slice(0, at)}ID="_evil_assertion_ID"${xml.slice(at + id.length)}`;
})(xsw2(SIGNED_RESPONSE));

ruleTester(SIG011, {
  valid: [
    { name: 'Response and Assertion signed', input: SIGNED_BOTH, options: idp },
    { name: 'only the Assertion signed', input: SIGNED_ASSERTION, options: idp },
    { name: 'only the Response signed: it covers its Assertion', input: SIGNED_RESPONSE, options: idp },
    { name: 'only the Assertion signed, intact, nothing trusted', input: SIGNED_ASSERTION },
    { name: 'nothing signed (SIG001)', input: buildResponse() },
    { name: 'a broken signature proves nothing to compare (SIG004)', input: replaceOnce(SIGNED_ASSERTION, `>${VICTIM_SESSION_NAME}<`, `>${ATTACKER_SESSION_NAME}<`), options: idp },
    { name: 'XSW7: duplicated IDs make the signature unverifiable (SIG003)', input: xsw7(SIGNED_ASSERTION), options: idp },
    { name: 'XSW1: a Response inside the Signature is outside XML Signature, nothing is verified (SIG013)', input: xsw1(SIGNED_RESPONSE), options: idp },
    { name: 'XSW2: the copy repeats the Assertion’s ID, nothing is verified (SIG013)', input: xsw2(SIGNED_RESPONSE), options: idp },
    { name: 'XSW6: an Assertion inside the Signature is outside XML Signature, nothing is verified (SIG013)', input: xsw6(SIGNED_ASSERTION), options: idp },
  ],
  invalid: [
    {
      name: 'XSW2 with a new ID for the evil Assertion: the signed Response copied before a detached Signature',
      input: XSW2_NEW_ID,
      options: idp,
      errors: [
        { messageId: 'assertionNotSigned', data: { signed: '`Response`' } },
        { messageId: 'responseNotRoot', line: 2, column: 1 },
      ],
    },
    {
      name: 'XSW3: an evil Assertion before the signed one',
      input: xsw3(SIGNED_ASSERTION),
      options: idp,
      errors: [{ messageId: 'assertionNotSigned', data: { signed: '`Assertion`' }, ...positionOf(xsw3(SIGNED_ASSERTION), '<saml:Assertion ') }],
    },
    {
      name: 'XSW3 on a response that signs both: the Response signature breaks, the Assertion’s still proves the other copy',
      input: xsw3(SIGNED_BOTH),
      options: idp,
      errors: [{ messageId: 'assertionNotSigned' }],
    },
    { name: 'XSW4: the evil Assertion wraps the signed one', input: xsw4(SIGNED_ASSERTION), options: idp, errors: [{ messageId: 'assertionNotSigned' }] },
    { name: 'XSW5: the evil Assertion keeps the Signature over an appended copy', input: xsw5(SIGNED_ASSERTION), options: idp, errors: [{ messageId: 'assertionNotSigned' }] },
    {
      name: 'an unsigned second Assertion after the signed one',
      input: appendUnsignedAssertion(SIGNED_ASSERTION),
      errors: [{ messageId: 'assertionNotSigned' }],
    },
  ],
});
