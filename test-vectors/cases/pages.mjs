// What a user keeps of the IdP's answer besides a capture (lib/captures.mjs): the auto-submit page, saved
// or its form copied from the developer tools, and the SOAP envelope an ECP client receives. `html` is
// `{ style }` for toHtmlPage.
import { RELAY_STATE } from '../lib/response.mjs';

const users = 'users/connect-users.csv';

export const PAGE_CASES = [
  {
    name: 'html-auto-submit',
    family: 'capture',
    description: 'The IdP’s auto-submit page saved with “Save page as”: a language form, then the form that posts the signed SAMLResponse and the RelayState',
    capture: 'html',
    html: { style: 'saved' },
    options: { users },
    expect: [],
  },
  {
    name: 'html-entity-encoded',
    family: 'capture',
    description: 'Shibboleth’s POST page: the `+`, `/` and `=` of the base64 value and the punctuation of the RelayState written as character references (`&#x2b;`, `&#x2f;`, `&#x3d;`)',
    capture: 'html',
    html: { style: 'shibboleth' },
    options: { users },
    expect: [],
  },
  {
    name: 'html-devtools-form',
    family: 'capture',
    description: 'The form alone, as the developer tools’ Copy outerHTML gives it',
    capture: 'html',
    html: { style: 'devtools' },
    options: { users },
    expect: [],
  },
  {
    name: 'html-no-form',
    family: 'capture',
    description: 'An IdP error page saved instead of the auto-submit page: no form, so no SAMLResponse',
    xml: () => '',
    capture: 'html',
    html: { style: 'no-form' },
    expect: ['IN001'],
  },
  {
    name: 'soap-ecp-envelope',
    family: 'capture',
    description: 'The SOAP 1.1 envelope an ECP client receives from the IdP (Shibboleth ECP): an `ecp:Response` header, the Response and Assertion, both signed, in the Body',
    capture: 'soap',
    sign: 'both',
    options: { relayState: RELAY_STATE, users },
    expect: [],
  },
  {
    name: 'soap-fault',
    family: 'capture',
    description: 'The SOAP Fault an IdP answers an ECP client with when it refuses the request: no Response in the Body',
    xml: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<soap11:Envelope xmlns:soap11="http://schemas.xmlsoap.org/soap/envelope/"><soap11:Body><soap11:Fault><faultcode>soap11:Client</faultcode><faultstring>An error occurred processing the request.</faultstring></soap11:Fault></soap11:Body></soap11:Envelope>\n',
    expect: ['SAML001'],
  },
];
