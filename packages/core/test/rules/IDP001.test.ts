import { IDP001 } from '../../src/rules/idp/index.js';
import { ruleTester } from '../rule-tester.js';

const app = (signOn: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  JSON.stringify({ id: '0oa1', label: 'Connect', signOnMode: 'SAML_2_0', settings: { signOn }, ...more }, null, 2);
const ACS = 'https://eu-west-2.signin.aws.amazon.com/saml';
const RSN = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';

ruleTester(IDP001, {
  valid: [
    { name: 'every value a literal', input: app({ ssoAcsUrl: ACS, attributeStatements: [{ type: 'EXPRESSION', name: RSN, values: ['"agent.one"'] }] }) },
    { name: 'a response is no configuration', input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>' },
  ],
  invalid: [
    {
      name: 'an Okta expression as RoleSessionName',
      input: app({ ssoAcsUrl: ACS, attributeStatements: [{ type: 'EXPRESSION', name: RSN, values: ['user.email'] }] }),
      errors: [{ messageId: 'expression', data: { expression: 'user.email', what: 'the RoleSessionName value' }, severity: 'info' }],
    },
    {
      name: 'a group statement sends group names',
      input: app({ ssoAcsUrl: ACS, attributeStatements: [{ type: 'GROUP', name: 'https://aws.amazon.com/SAML/Attributes/Role', filterType: 'REGEX', filterValue: 'aws_.*' }] }),
      errors: [{ messageId: 'expression', data: { what: 'the Role value' } }],
    },
    {
      name: 'Terraform source with a variable samlint does not evaluate',
      input: `resource "okta_app_saml" "connect" {\n  sso_url = "${ACS}"\n  default_relay_state = var.relay_state\n}\n`,
      errors: [{ messageId: 'unresolved', data: { path: 'okta_app_saml.connect.default_relay_state', expression: 'var.relay_state', what: 'the relay state' }, line: 3, column: 25 }],
    },
  ],
});
