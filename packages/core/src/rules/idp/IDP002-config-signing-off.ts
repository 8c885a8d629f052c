import { defineRule } from '../define-rule.js';

export const IDP002 = defineRule({
  meta: {
    code: 'IDP002',
    name: 'config-signing-off',
    family: 'IDP',
    stage: 'config',
    severity: 'error',
    summary: 'The configuration turns signing off: nothing signed, or the assertion unsigned',
    facts: ['AWS-SIG-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      nothingSigned: {
        message: '`{{responsePath}}` and `{{assertionPath}}` are both false: the IdP would sign nothing',
        help: 'set the assertion to be signed (Okta `assertionSigned`/`assertion_signed`, Keycloak `saml.assertion.signature`); AWS verifies the signature against the IdP metadata and refuses an unsigned response',
      },
      assertionUnsigned: {
        message: '`{{path}}` is false: the assertion is not signed, only the response',
        help: 'sign the assertion too (Okta `assertionSigned`/`assertion_signed`, Keycloak `saml.assertion.signature`): an assertion signed on its own stays verifiable wherever it is read',
      },
      messageOnly: {
        message: '`{{path}}` is `{{value}}`: the assertion is not signed, only the response',
        help: 'sign the assertion too: `Set-AdfsRelyingPartyTrust -TargetName <trust> -SamlResponseSignature MessageAndAssertion` (or `AssertionOnly`); an assertion signed on its own stays verifiable wherever it is read',
      },
    },
  },
  check(ctx) {
    if (!ctx.config) return;
    const { app, locate } = ctx.config;
    const { responseSigned, assertionSigned, signedParts } = app.signing;
    if (assertionSigned.state !== 'known' || assertionSigned.value) return;
    const signAssertion = assertionSigned.verbatim
      ? { title: 'Sign the assertion', location: locate(assertionSigned.range), replacement: 'true' }
      : undefined;
    const fix = signAssertion && { fix: signAssertion };
    if (responseSigned.state === 'known' && !responseSigned.value) {
      ctx.report({
        messageId: 'nothingSigned',
        data: { responsePath: responseSigned.path, assertionPath: assertionSigned.path },
        location: locate(assertionSigned.range),
        labels: [{ location: locate(responseSigned.range), message: 'the response is not signed either' }],
        ...fix,
      });
    } else if (signedParts?.state === 'known') {
      ctx.report({ messageId: 'messageOnly', data: { path: signedParts.path, value: signedParts.value }, severity: 'warning', location: locate(signedParts.range) });
    } else {
      ctx.report({ messageId: 'assertionUnsigned', data: { path: assertionSigned.path }, severity: 'warning', location: locate(assertionSigned.range), ...fix });
    }
  },
});
