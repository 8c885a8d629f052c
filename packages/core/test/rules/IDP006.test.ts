import { IDP006 } from '../../src/rules/idp/index.js';
import { ruleTester } from '../rule-tester.js';

const RSN = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const LOWER_CASE_USERS = 'first name,last name,user login\nJane,Doe,jane.doe@example.com\nRaj,Patel,raj.patel@example.com';
const MIXED_CASE_USERS = `${LOWER_CASE_USERS}\nLi,Wei,Li.Wei@example.com`;
const users = { users: LOWER_CASE_USERS };

const okta = (value: string) =>
  JSON.stringify({ id: '0oa1', label: 'Connect', signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: 'https://signin.aws.amazon.com/saml', attributeStatements: [{ type: 'EXPRESSION', name: RSN, values: [value] }] } } }, null, 2);
const keycloak = (mapper: 'saml-user-property-mapper' | 'saml-user-attribute-mapper', attribute: string) =>
  JSON.stringify({
    clientId: 'urn:amazon:webservices',
    protocol: 'saml',
    attributes: { saml_assertion_consumer_url_post: 'https://signin.aws.amazon.com/saml' },
    protocolMappers: [{ protocolMapper: mapper, config: { 'attribute.name': RSN, 'user.attribute': attribute } }],
  });
/** An AD FS trust in its list view, with the given RoleSessionName rules. */
const adfs = (...rules: string[]) =>
  ['Identifier             : {urn:amazon:webservices}', 'SamlResponseSignature  : AssertionOnly', `IssuanceTransformRules : ${rules.join('\n                         ')}`, ''].join('\n');
const ldap = (attribute: string, types = RSN) =>
  `c:[Type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname", Issuer == "AD AUTHORITY"] => issue(store = "Active Directory", types = ("${types}"), query = ";${attribute};{0}", param = c.Value);`;

/** An Entra app as Microsoft Graph gives it, with a claims mapping policy sending RoleSessionName from `schema`'s first entry (`transformations` applied). */
const entra = (schema: object[], transformations: object[] = []) =>
  JSON.stringify([
    { appId: 'a1', displayName: 'Amazon Connect', identifierUris: ['urn:amazon:webservices'], web: { redirectUris: ['https://signin.aws.amazon.com/saml'] } },
    { '@odata.type': '#microsoft.graph.claimsMappingPolicy', id: 'p1', displayName: 'Connect', definition: [JSON.stringify({ ClaimsMappingPolicy: { Version: 1, ClaimsSchema: schema, ClaimsTransformations: transformations } })] },
  ]);
const ENTRA_UPN = { Source: 'user', ID: 'userprincipalname', SamlClaimType: RSN };
const ENTRA_LOWER_UPN = [
  [{ Source: 'user', ID: 'userprincipalname' }, { Source: 'transformation', ID: 'LowerUpn', TransformationId: 'ToLowerUpn', SamlClaimType: RSN }],
  [{ ID: 'ToLowerUpn', TransformationMethod: 'ToLowercase()', InputClaims: [{ ClaimTypeReferenceId: 'userprincipalname', TransformationClaimType: 'inputClaim' }] }],
] as const;

ruleTester(IDP006, {
  valid: [
    { name: 'Okta, lower-cased', input: okta('String.toLowerCase(user.email)'), options: users },
    { name: 'Okta, the raw e-mail without a user list', input: okta('user.email') },
    { name: 'Okta, the raw e-mail with a user list that has capitals', input: okta('user.email'), options: { users: MIXED_CASE_USERS } },
    { name: 'Okta, a literal', input: okta('"jane.doe@example.com"'), options: users },
    { name: 'Okta, a display name is IDP004’s', input: okta('user.displayName'), options: users },
    { name: 'Keycloak username, stored lower-cased', input: keycloak('saml-user-property-mapper', 'username'), options: users },
    { name: 'Keycloak e-mail, stored lower-cased', input: keycloak('saml-user-property-mapper', 'email'), options: users },
    { name: 'Entra ID, the UPN through ToLowercase()', input: entra([...ENTRA_LOWER_UPN[0]], [...ENTRA_LOWER_UPN[1]]), options: users },
    {
      name: 'AD FS, lower-cased by a string-processing attribute store',
      input: adfs(ldap('mail', 'http://temp/mail'), 'c:[Type == "http://temp/mail"] => issue(store = "StringProcessing", types = ("https://aws.amazon.com/SAML/Attributes/RoleSessionName"), query = "toLower", param = c.Value);'),
      options: users,
    },
  ],
  invalid: [
    { name: 'Okta, the raw e-mail', input: okta('user.email'), options: users, errors: [{ messageId: 'okta', data: { attribute: 'user.email', count: 2 }, severity: 'warning' }] },
    { name: 'Okta, the login before the @', input: okta('String.substringBefore(user.login, "@")'), options: users, errors: [{ messageId: 'okta', data: { attribute: 'user.login' } }] },
    { name: 'Keycloak, a user attribute', input: keycloak('saml-user-attribute-mapper', 'upn'), options: users, errors: [{ messageId: 'keycloak', data: { attribute: 'upn' } }] },
    { name: 'Entra ID, the UPN as it is', input: entra([ENTRA_UPN]), options: users, errors: [{ messageId: 'entra', data: { attribute: 'user.userprincipalname' } }] },
    { name: 'AD FS, the mail attribute', input: adfs(ldap('mail')), options: users, errors: [{ messageId: 'adfs', data: { attribute: 'mail' } }] },
    {
      name: 'AD FS, the UPN claim passed through',
      input: adfs('c:[Type == "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"] => issue(Type = "https://aws.amazon.com/SAML/Attributes/RoleSessionName", Value = c.Value);'),
      options: users,
      errors: [{ messageId: 'adfs', data: { attribute: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn' } }],
    },
  ],
});
