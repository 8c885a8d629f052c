import { MD001 } from '../../src/rules/md/MD001-metadata-expired.js';
import { IDP, IDP_DESCRIPTOR, aggregate, awsSp, idp } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const now = '2026-11-27T09:00:30Z';

ruleTester(MD001, {
  valid: [
    { name: 'no validUntil', input: idp(), options: { now } },
    { name: 'a validUntil to come', input: idp(`entityID="${IDP}" validUntil="2027-11-27T00:00:00Z"`), options: { now } },
    { name: 'no --now: unchecked', input: idp(`entityID="${IDP}" validUntil="2014-02-22T00:39:43Z"`) },
  ],
  invalid: [
    {
      name: 'generic: an error, quantified in days',
      input: idp(`entityID="${IDP}" validUntil="2026-11-20T09:00:30Z"`),
      options: { now, profile: 'generic' },
      errors: [{ messageId: 'expired', data: { element: 'EntityDescriptor', age: '7 days' }, line: 2, severity: 'error' }],
    },
    {
      name: 'aws: a note, since IAM ignores validUntil',
      input: idp(`entityID="${IDP}" validUntil="2026-11-27T09:00:00Z"`),
      options: { now },
      errors: [{ messageId: 'expired', data: { age: '30 s' }, severity: 'info' }],
    },
    {
      name: 'an entity inside an aggregate',
      input: aggregate([`entityID="${IDP}" validUntil="2014-02-22T00:39:43Z"`, IDP_DESCRIPTOR]),
      options: { now },
      errors: [{ messageId: 'expired', data: { element: 'EntityDescriptor' }, line: 2 }],
    },
    {
      name: 'a copy of AWS’s SP metadata: a warning whatever the profile, since the IdP reads it',
      input: awsSp(undefined, 'validUntil="2026-06-01T00:00:00Z"'),
      options: { now },
      errors: [{ messageId: 'awsSpExpired', data: { age: '179 days' }, severity: 'warning', line: 4 }],
    },
    {
      name: 'not a time',
      input: idp(`entityID="${IDP}" validUntil="next year"`),
      options: { now },
      errors: [{ messageId: 'invalid', data: { value: 'next year' }, severity: 'warning' }],
    },
  ],
});
