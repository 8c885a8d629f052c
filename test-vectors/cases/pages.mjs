// What a user keeps of the IdP's answer besides a capture (lib/captures.mjs): the auto-submit page, saved
// or its form copied from the developer tools. `html` is `{ style }` for toHtmlPage.

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
];
