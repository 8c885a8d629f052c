import { IN013 } from '../../src/rules/in/IN013-post-data-missing.js';
import { editJson, lineColumn, toHar, toSamlTracer } from '../capture-fixtures.js';
import { ruleTester } from '../rule-tester.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';

const withoutBody = toHar([{ xml: SIGNED_BOTH, postData: 'none' }]);
const postUrl = withoutBody.indexOf('"https://eu-west-2.signin.aws.amazon.com/saml"') + 1;
const tracerWithoutBody = editJson(toSamlTracer([{ xml: SIGNED_BOTH }]), (trace) => {
  for (const request of trace.requests) for (const key of ['post', 'postData', 'saml']) delete request[key];
});

ruleTester(IN013, {
  valid: [
    { name: 'the POST with its body text', input: toHar([{ xml: SIGNED_BOTH }]) },
    { name: 'the POST with its params only', input: toHar([{ xml: SIGNED_BOTH, postData: 'params' }]) },
    {
      name: 'a bodiless POST elsewhere is no login at all (IN012’s)',
      input: toHar([{ xml: SIGNED_BOTH, postData: 'none', url: 'https://sp.example.com/acs' }]),
    },
  ],
  invalid: [
    {
      name: 'a HAR entry without postData, at the request’s URL',
      input: withoutBody,
      errors: [{ messageId: 'missing', data: { format: 'HAR file' }, ...lineColumn(withoutBody, postUrl) }],
    },
    {
      name: 'a HAR entry whose postData is empty',
      input: editJson(toHar([{ xml: SIGNED_BOTH, postData: 'text' }]), (har) => {
        har.log.entries[1].request.postData.text = '';
      }),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a SAML-tracer request to AWS with no post, postData or saml',
      input: tracerWithoutBody,
      errors: [{ messageId: 'missing', data: { format: 'SAML-tracer export' } }],
    },
  ],
});
