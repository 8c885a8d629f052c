import { ACS, buildResponse, NOW } from '../../../../test-vectors/lib/response.mjs';
import { SAML013 } from '../../src/rules/saml/SAML013-assertion-not-yet-valid.js';
import { ruleTester } from '../rule-tester.js';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

ruleTester(SAML013, {
  valid: [
    { name: 'after NotBefore', input: buildResponse(), options: { now: NOW } },
    { name: 'early, but within the tolerance', input: buildResponse(), options: { now: '2026-11-27T08:54:01Z' } },
    { name: 'no NotBefore at all', input: buildResponse({ notBefore: null }), options: { now: '2026-11-27T08:00:00Z' } },
  ],
  invalid: [
    {
      name: 'Conditions NotBefore 150 s ahead',
      input: buildResponse({ notBefore: '2026-11-27T09:03:00Z' }),
      options: { now: NOW },
      errors: [{ messageId: 'notYetValid', data: { element: 'Conditions', seconds: 150, skew: 60 }, line: 11, column: 33 }],
    },
    {
      name: 'a bearer NotBefore ahead',
      input: buildResponse({
        subjectConfirmations: [{ method: BEARER, recipient: ACS, notBefore: '2026-11-27T09:02:00Z', notOnOrAfter: '2026-11-27T09:05:00Z' }],
      }),
      options: { now: NOW, clockSkewSeconds: 30 },
      errors: [{ messageId: 'notYetValid', data: { element: 'SubjectConfirmationData', seconds: 90, skew: 30 }, line: 9 }],
    },
  ],
});
