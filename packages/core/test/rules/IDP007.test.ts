import { IDP007 } from '../../src/rules/idp/index.js';
import { ruleTester } from '../rule-tester.js';

const ACS = 'https://eu-west-2.signin.aws.amazon.com/saml';
/** A Graph service principal of an AWS app, with `preferredSingleSignOnMode` as given (left out when undefined). */
const servicePrincipal = (mode?: string | null) =>
  JSON.stringify(
    { appId: 'f3d8c2a1', displayName: 'Amazon Connect', servicePrincipalType: 'Application', replyUrls: [ACS], ...(mode === undefined ? {} : { preferredSingleSignOnMode: mode }) },
    null,
    2,
  );
const azuread = (mode: string) =>
  JSON.stringify({
    format_version: '1.0',
    values: {
      root_module: {
        resources: [
          { address: 'azuread_application.connect', type: 'azuread_application', values: { client_id: 'f3d8c2a1', web: [{ redirect_uris: [ACS] }] } },
          { address: 'azuread_service_principal.connect', type: 'azuread_service_principal', values: { client_id: 'f3d8c2a1', preferred_single_sign_on_mode: mode } },
        ],
      },
    },
  });

ruleTester(IDP007, {
  valid: [
    { name: 'SAML', input: servicePrincipal('saml') },
    { name: 'left out of the export ($select)', input: servicePrincipal() },
    { name: 'azuread SAML', input: azuread('saml') },
  ],
  invalid: [
    { name: 'password single sign-on', input: servicePrincipal('password'), errors: [{ messageId: 'otherMode', data: { path: 'preferredSingleSignOnMode', mode: 'password' }, line: 8 }] },
    { name: 'set to nothing', input: servicePrincipal(null), errors: [{ messageId: 'notSet', data: { path: 'preferredSingleSignOnMode' } }] },
    { name: 'azuread default, an empty string', input: azuread(''), errors: [{ messageId: 'notSet', data: { path: 'values.root_module.resources[1].values.preferred_single_sign_on_mode' } }] },
  ],
});
