import type { ConfigValue, SamlAppConfig } from '../../model/idp-config.js';
import { defineRule } from '../define-rule.js';

const CAPTURE_HELP = 'lint a SAMLResponse captured from a real sign-in (`samlint check`) to check what the IdP sends for it';

export const IDP001 = defineRule({
  meta: {
    code: 'IDP001',
    name: 'config-value-not-checked',
    family: 'IDP',
    stage: 'config',
    severity: 'info',
    summary: 'A configured value is unknown until apply, an expression, or not in the file, so it is not checked',
    facts: [],
    symptoms: [],
    messages: {
      unknown: {
        message: '`{{path}}` is known only after apply, so {{what}} is not checked',
        help: 'lint the state after `terraform apply` (`terraform show -json`), where the value is known, or write the value as a literal in the configuration',
      },
      expression: {
        message: '`{{path}}` is the expression `{{expression}}`, evaluated per user, so {{what}} is not checked',
        help: CAPTURE_HELP,
      },
      unresolved: {
        message: '`{{path}}` is `{{expression}}`, which samlint does not evaluate in Terraform source, so {{what}} is not checked',
        help: 'lint the plan instead (`terraform plan -out=tfplan` then `terraform show -json tfplan`), where variables, locals and functions are evaluated, or write the value as a literal',
      },
      notCarried: {
        message: '{{what}} is not in this file ({{why}}), so it is not checked',
        help: CAPTURE_HELP,
      },
      notRecognised: {
        message: '{{what}} is not read ({{why}}), so what it sets is not checked',
        help: CAPTURE_HELP,
      },
    },
  },
  check(ctx) {
    if (!ctx.config) return;
    const { app, locate } = ctx.config;
    for (const [what, value] of valuesRulesRead(app)) {
      if (value.state === 'unknown') ctx.report({ messageId: 'unknown', data: { path: value.path, what }, location: locate(value.range) });
      if (value.state === 'expression') {
        ctx.report({ messageId: 'expression', data: { path: value.path, what, expression: value.expression }, location: locate(value.range) });
      }
      if (value.state === 'unresolved') {
        ctx.report({ messageId: 'unresolved', data: { path: value.path, what, expression: value.expression }, location: locate(value.range) });
      }
    }
    for (const { what, why, suppliedBy } of app.notCarried) {
      // Given as an option, the setting is checked after all (a relay state by CX004-CX011).
      if (suppliedBy === 'relayState' && ctx.env.relayState) continue;
      ctx.report({ messageId: 'notCarried', data: { what, why }, location: locate(app.range) });
    }
    for (const { what, why, range } of app.notRecognised ?? []) ctx.report({ messageId: 'notRecognised', data: { what, why }, location: locate(range) });
  },
});

const AWS_ATTRIBUTE_PREFIX = 'https://aws.amazon.com/SAML/Attributes/';

/** The values some rule would check, named as a finding says them. */
function valuesRulesRead(app: SamlAppConfig): Array<[string, ConfigValue<string | boolean>]> {
  const attributes = app.attributes
    .filter((attribute) => attribute.name.startsWith(AWS_ATTRIBUTE_PREFIX))
    .flatMap((attribute) => attribute.values.map((value): [string, ConfigValue] => [`the ${attribute.name.slice(AWS_ATTRIBUTE_PREFIX.length)} value`, value]));
  return [
    ['the ACS URL', app.acs],
    ['the Recipient', app.recipient],
    ['the Destination', app.destination],
    ['the Audience', app.audience],
    ['the relay state', app.relayState],
    ...attributes,
    ['response signing', app.signing.responseSigned],
    ['assertion signing', app.signing.assertionSigned],
    ['the signature algorithm', app.signing.signatureAlgorithm],
    ['the digest algorithm', app.signing.digestAlgorithm],
    // Entra ID's single sign-on mode (IDP007), for the sources that carry one.
    ...(app.signOnMode ? [['the single sign-on mode', app.signOnMode] as [string, ConfigValue]] : []),
  ];
}
