import { IDP004 } from '../../src/rules/idp/index.js';
import { ruleTester } from '../rule-tester.js';

const RSN = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const okta = (value: string) =>
  JSON.stringify({ id: '0oa1', label: 'Connect', signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: 'https://signin.aws.amazon.com/saml', attributeStatements: [{ type: 'EXPRESSION', name: RSN, values: [value] }] } } }, null, 2);
const keycloak = (property: string) =>
  JSON.stringify({
    clientId: 'urn:amazon:webservices',
    protocol: 'saml',
    attributes: { saml_assertion_consumer_url_post: 'https://signin.aws.amazon.com/saml' },
    protocolMappers: [{ protocolMapper: 'saml-user-property-mapper', config: { 'attribute.name': RSN, 'user.attribute': property } }],
  });

ruleTester(IDP004, {
  valid: [
    { name: 'the login, lower-cased', input: okta('String.toLowerCase(user.login)') },
    { name: 'names joined with a dot', input: okta('user.firstName + "." + user.lastName') },
    { name: 'Keycloak username', input: keycloak('username') },
  ],
  invalid: [
    { name: 'Okta display name', input: okta('user.displayName'), errors: [{ messageId: 'personName', data: { expression: 'user.displayName' } }] },
    { name: 'names joined with a space', input: okta('user.firstName + " " + user.lastName'), errors: [{ messageId: 'joinedWithSpace' }] },
    { name: 'Keycloak full name', input: keycloak('fullName'), errors: [{ messageId: 'personName', data: { expression: 'user property fullName' } }] },
  ],
});
