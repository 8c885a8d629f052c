import { defineRule } from '../define-rule.js';

const SET_SAML = 'set the single sign-on mode to SAML: in the admin center, Enterprise applications → the app → Single sign-on → SAML; in Microsoft Graph, `preferredSingleSignOnMode: "saml"` on the service principal; with azuread, `preferred_single_sign_on_mode = "saml"`';

export const IDP007 = defineRule({
  meta: {
    code: 'IDP007',
    name: 'sign-on-mode-not-saml',
    family: 'IDP',
    stage: 'config',
    severity: 'warning',
    summary: 'Entra ID’s single sign-on mode for the app is not SAML, so launching it sends no SAML response',
    facts: [],
    symptoms: [],
    messages: {
      otherMode: {
        message: '`{{path}}` is `{{mode}}`: Entra launches the app with that mode, not SAML, so its SAML settings are not used',
        help: SET_SAML,
      },
      notSet: {
        message: '`{{path}}` is not set: Entra has no single sign-on mode for the app, so launching it sends no SAML response',
        help: SET_SAML,
      },
    },
  },
  check(ctx) {
    if (!ctx.config) return;
    const { app, locate } = ctx.config;
    const mode = app.signOnMode;
    if (mode?.state !== 'known' || mode.value.toLowerCase() === 'saml') return;
    const location = locate(mode.range);
    if (mode.value === '') ctx.report({ messageId: 'notSet', data: { path: mode.path }, location });
    else ctx.report({ messageId: 'otherMode', data: { path: mode.path, mode: mode.value }, location });
  },
});
