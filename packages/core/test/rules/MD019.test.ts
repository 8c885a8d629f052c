import { MD019 } from '../../src/rules/md/MD019-cache-duration-invalid.js';
import { IDP, idp } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const withCache = (value: string) => idp(`entityID="${IDP}" cacheDuration="${value}"`);

ruleTester(MD019, {
  valid: [
    { name: 'no cacheDuration', input: idp() },
    { name: 'PT8H', input: withCache('PT8H') },
    { name: 'P1D', input: withCache('P1D') },
    { name: 'years, months and fractional seconds', input: withCache('P1Y2M3DT4H5M6.5S') },
    { name: 'a very long one is not reported', input: withCache('P100Y') },
    { name: 'zero', input: withCache('PT0S') },
  ],
  invalid: [
    {
      name: 'seconds as a number, pointing at the value',
      input: withCache('86400'),
      errors: [{ messageId: 'invalid', data: { element: 'EntityDescriptor', value: '86400' }, ...attributeValuePositionOf(withCache('86400'), 'cacheDuration') }],
    },
    { name: 'P alone', input: withCache('P'), errors: [{ messageId: 'invalid' }] },
    { name: 'T without a time', input: withCache('P1DT'), errors: [{ messageId: 'invalid' }] },
    { name: 'a fraction of a day', input: withCache('P1.5D'), errors: [{ messageId: 'invalid' }] },
    { name: 'lower case', input: withCache('pt8h'), errors: [{ messageId: 'invalid' }] },
    { name: 'negative', input: withCache('-P1D'), errors: [{ messageId: 'negative', data: { value: '-P1D' } }] },
    {
      name: 'on a role descriptor, generic profile',
      input: idp().replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor cacheDuration="1 day" '),
      options: { profile: 'generic' },
      errors: [{ messageId: 'invalid', data: { element: 'IDPSSODescriptor' } }],
    },
  ],
});
