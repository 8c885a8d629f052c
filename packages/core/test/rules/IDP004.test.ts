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

/** A Graph claims mapping policy whose RoleSessionName claim is `rsn`: a user source, or a transformation of `inputs`. */
const entra = (rsn: object, inputs: object[] = [], transformations: object[] = []) =>
  JSON.stringify({
    definition: [JSON.stringify({ ClaimsMappingPolicy: { Version: 1, ClaimsSchema: [...inputs, { ...rsn, SamlClaimType: RSN }], ClaimsTransformations: transformations } })],
    displayName: 'AWS claims',
  });
const names = [{ Source: 'user', ID: 'givenname' }, { Source: 'user', ID: 'surname' }];
const join = (separator: string) => [
  {
    ID: 'JoinNames',
    TransformationMethod: 'Join',
    InputClaims: [{ ClaimTypeReferenceId: 'givenname', TransformationClaimType: 'string1' }, { ClaimTypeReferenceId: 'surname', TransformationClaimType: 'string2' }],
    InputParameters: [{ ID: 'separator', Value: separator }],
    OutputClaims: [{ ClaimTypeReferenceId: 'rsn', TransformationClaimType: 'outputClaim' }],
  },
];
const lowerUpn = [{ ID: 'Lower', TransformationMethod: 'ToLowercase()', InputClaims: [{ ClaimTypeReferenceId: 'userprincipalname', TransformationClaimType: 'inputClaim' }] }];

ruleTester(IDP004, {
  valid: [
    { name: 'the login, lower-cased', input: okta('String.toLowerCase(user.login)') },
    { name: 'names joined with a dot', input: okta('user.firstName + "." + user.lastName') },
    { name: 'Keycloak username', input: keycloak('username') },
    { name: 'Entra user principal name, lower-cased', input: entra({ Source: 'transformation', ID: 'rsn', TransformationId: 'Lower' }, [{ Source: 'user', ID: 'userprincipalname' }], lowerUpn) },
    { name: 'Entra names joined with a dot', input: entra({ Source: 'transformation', ID: 'rsn', TransformationId: 'JoinNames' }, names, join('.')) },
  ],
  invalid: [
    { name: 'Okta display name', input: okta('user.displayName'), errors: [{ messageId: 'personName', data: { expression: 'user.displayName' } }] },
    { name: 'names joined with a space', input: okta('user.firstName + " " + user.lastName'), errors: [{ messageId: 'joinedWithSpace' }] },
    { name: 'Entra display name', input: entra({ Source: 'user', ID: 'displayname' }), errors: [{ messageId: 'personName', data: { expression: 'user.displayname' } }] },
    {
      name: 'Entra names joined with a space',
      input: entra({ Source: 'transformation', ID: 'rsn', TransformationId: 'JoinNames' }, names, join(' ')),
      errors: [{ messageId: 'joinedWithSpace', data: { expression: 'Join(user.givenname, user.surname, separator " ")' } }],
    },
    { name: 'Keycloak full name', input: keycloak('fullName'), errors: [{ messageId: 'personName', data: { expression: 'user property fullName' } }] },
  ],
});
