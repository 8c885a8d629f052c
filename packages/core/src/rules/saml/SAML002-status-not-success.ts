import { NS, attribute, firstChild, textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { STATUS_SUCCESS, topStatusCode } from './_shared.js';

const STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';

/** What each status code means, in the words of SAML core §3.2.2.2. */
const STATUS_MEANING: Record<string, string> = {
  Success: 'the request succeeded',
  Requester: 'the request could not be performed because of an error on the part of the requester',
  Responder: 'the request could not be performed because of an error on the part of the IdP',
  VersionMismatch: 'the IdP could not process the request because its SAML version was wrong',
  AuthnFailed: 'the IdP could not authenticate the user',
  InvalidAttrNameOrValue: 'an attribute name or value in the request was unexpected or invalid',
  InvalidNameIDPolicy: 'the IdP cannot or will not issue the NameID format the request asked for',
  NoAuthnContext: 'the IdP cannot meet the authentication context (e.g. MFA strength) the request asked for',
  NoAvailableIDP: 'an IdP proxy found none of the listed identity providers available',
  NoPassive: 'the request asked for a passive sign-in and the IdP needed to interact with the user',
  NoSupportedIDP: 'an IdP proxy supports none of the listed identity providers',
  PartialLogout: 'logout did not reach every session participant',
  ProxyCountExceeded: 'the IdP cannot authenticate the user itself and may not proxy the request further',
  RequestDenied: 'the IdP could process the request but chose not to (often: the user is not assigned to the app)',
  RequestUnsupported: 'the IdP does not support the request',
  RequestVersionDeprecated: 'the IdP no longer accepts requests of this SAML version',
  RequestVersionTooHigh: 'the request’s SAML version is newer than the IdP supports',
  RequestVersionTooLow: 'the request’s SAML version is older than the IdP supports',
  ResourceNotRecognized: 'the resource named in the request is invalid or unrecognized',
  TooManyResponses: 'the response would hold more elements than the IdP can return',
  UnknownAttrProfile: 'the IdP does not know the attribute profile used',
  UnknownPrincipal: 'the IdP does not recognise the user the request named',
  UnsupportedBinding: 'the IdP cannot answer over the binding the request asked for',
};

/** A status code by its short name (`Responder`), and what it means; only the full URIs are SAML's codes. */
function describe(value: string): { code: string; meaning: string } {
  const code = value.startsWith(STATUS_PREFIX) ? value.slice(STATUS_PREFIX.length) : value;
  const meaning = code !== value ? STATUS_MEANING[code] : undefined;
  return { code, meaning: meaning ?? 'not a status code SAML 2.0 defines' };
}

const LOOK_IN_IDP_LOGS =
  'the IdP refused or failed this sign-in before issuing an assertion; look up the user’s attempt in the IdP’s sign-in logs (Okta System Log, Entra ID sign-in logs, AD FS Admin event log, PingFederate audit log) for the reason, such as the user not being assigned to the AWS or Amazon Connect application';

const LOOK_IN_IDP_LOGS_GENERIC =
  'the IdP refused or failed this sign-in before issuing an assertion; look up the user’s attempt in the IdP’s sign-in logs (Okta System Log, Entra ID sign-in logs, AD FS Admin event log, PingFederate audit log) for the reason, such as the user not being assigned to the application';

export const SAML002 = defineRule({
  meta: {
    code: 'SAML002',
    name: 'status-not-success',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response has no Status, or its top-level StatusCode is not Success',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      statusMissing: {
        message: 'response has no `samlp:Status`',
        help: 'SAML core requires every Response to carry a `samlp:Status` with a `StatusCode`; the IdP (or a proxy in front of it) produced an incomplete response',
      },
      statusCodeMissing: {
        message: '`samlp:Status` has no `StatusCode` value',
        help: 'SAML core requires a top-level `StatusCode` with a `Value`; the IdP (or a proxy in front of it) produced an incomplete response',
      },
      failed: {
        message: 'IdP returned status `{{code}}`: {{meaning}}',
        help: LOOK_IN_IDP_LOGS,
        profiles: { generic: { help: LOOK_IN_IDP_LOGS_GENERIC } },
      },
      failedWithDetail: {
        message: 'IdP returned status `{{code}}` / `{{detail}}`: {{meaning}}',
        help: LOOK_IN_IDP_LOGS,
        profiles: { generic: { help: LOOK_IN_IDP_LOGS_GENERIC } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    if (!view.status) {
      ctx.report({ messageId: 'statusMissing', location: ctx.at.element(view.root) });
      return;
    }
    const { element: topCode, value: topValue } = topStatusCode(view);
    if (!topCode || !topValue) {
      ctx.report({ messageId: 'statusCodeMissing', location: ctx.at.element(topCode ?? view.status) });
      return;
    }
    if (topValue === STATUS_SUCCESS) return;
    const top = describe(topValue);
    const notes: string[] = [];
    const statusMessage = firstChild(view.status, NS.samlp, 'StatusMessage');
    const messageText = statusMessage ? textOf(statusMessage).trim() : '';
    if (messageText) notes.push(`the IdP’s StatusMessage: “${messageText}”`);
    const subCode = firstChild(topCode, NS.samlp, 'StatusCode');
    const subValue = subCode ? attribute(subCode, 'Value')?.trim() : undefined;
    const location = ctx.at.attribute(topCode, 'Value');
    if (!subValue) {
      ctx.report({ messageId: 'failed', data: top, location, notes });
      return;
    }
    const detail = describe(subValue);
    notes.unshift(`\`${top.code}\` means ${top.meaning}`);
    ctx.report({
      messageId: 'failedWithDetail',
      data: { code: top.code, detail: detail.code, meaning: detail.meaning },
      location,
      notes,
    });
  },
});
