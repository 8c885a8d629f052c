import type { ResponseView } from '../../model/response.js';
import { bearerConfirmationData } from '../../saml/response.js';
import { instantOf, parseSamlTime, validityElements } from '../../saml/time.js';
import { NS, attribute, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { isBlank, localNameOf } from './_shared.js';

/** Every time attribute of the Response and its Assertion that any rule reads. */
function timeAttributes(view: ResponseView): Array<[Element, string]> {
  const found: Array<[Element, string]> = [[view.root, 'IssueInstant']];
  if (!view.assertion) return found;
  found.push([view.assertion, 'IssueInstant']);
  if (view.conditions) found.push([view.conditions, 'NotBefore'], [view.conditions, 'NotOnOrAfter']);
  for (const confirmation of view.subjectConfirmations) {
    for (const data of childElements(confirmation, NS.saml, 'SubjectConfirmationData')) {
      found.push([data, 'NotBefore'], [data, 'NotOnOrAfter']);
    }
  }
  for (const statement of view.authnStatements) {
    found.push([statement, 'AuthnInstant'], [statement, 'SessionNotOnOrAfter']);
  }
  return found;
}

export const SAML015 = defineRule({
  meta: {
    code: 'SAML015',
    name: 'time-value-invalid',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'A SAML time value is not a UTC xs:dateTime, or a validity window is empty or out of order',
    facts: ['AWS-TIME-001', 'AWS-SCD-001'],
    symptoms: ['invalid-saml-response', 'response-expired'],
    messages: {
      invalid: {
        message: '`{{element}}` {{attribute}} `{{value}}` is not an xs:dateTime',
        help: 'SAML time values are `xs:dateTime` in UTC, like `2026-11-27T09:05:00Z`; the IdP or a custom template formats this one wrongly, so fix the template or the IdP plugin that writes it',
      },
      notUtc: {
        message: '`{{element}}` {{attribute}} `{{value}}` is not in UTC',
        help: 'SAML core requires time values in UTC with no time zone other than `Z` (e.g. `2026-11-27T09:05:00Z`); a missing zone leaves the instant to the reader’s clock, so make the IdP or template write UTC',
      },
      emptyWindow: {
        message: '`{{element}}` NotOnOrAfter `{{notOnOrAfter}}` is not after its NotBefore `{{notBefore}}`',
        help: 'the assertion is never valid; check the IdP’s assertion lifetime setting and any template that computes these times',
      },
      issuedExpired: {
        message: '`{{element}}` NotOnOrAfter `{{notOnOrAfter}}` is not after the Assertion IssueInstant `{{issueInstant}}`',
        help: 'the assertion is expired when issued; check the IdP’s assertion lifetime setting and any template that computes these times',
      },
      bearerNotBefore: {
        message: 'bearer `SubjectConfirmationData` has a `NotBefore`',
        help: 'the SAML Web SSO profile says the bearer SubjectConfirmationData MUST NOT carry NotBefore (the Conditions NotBefore is the place for it); strict service providers ignore the confirmation or refuse the assertion, so remove it in the IdP or template',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const bearerData = bearerConfirmationData(view);
    for (const [element, name] of timeAttributes(view)) {
      const value = attribute(element, name);
      if (value === undefined) continue;
      // SAML004 reports a blank IssueInstant and SAML011 a blank bearer NotOnOrAfter: they are required there.
      const requiredElsewhere = name === 'IssueInstant' || (name === 'NotOnOrAfter' && bearerData.includes(element));
      if (requiredElsewhere && isBlank(value)) continue;
      const { problem } = parseSamlTime(value);
      if (!problem) continue;
      ctx.report({
        messageId: problem === 'syntax' ? 'invalid' : 'notUtc',
        data: { element: localNameOf(element), attribute: name, value },
        location: ctx.at.attribute(element, name),
        severity: problem === 'syntax' ? 'error' : 'warning',
      });
    }
    const issued = instantOf(view.assertion, 'IssueInstant');
    for (const element of validityElements(view)) {
      const notBefore = instantOf(element, 'NotBefore');
      const notOnOrAfter = instantOf(element, 'NotOnOrAfter');
      if (notOnOrAfter === undefined) continue;
      const data = {
        element: localNameOf(element),
        notOnOrAfter: attribute(element, 'NotOnOrAfter') ?? '',
        notBefore: attribute(element, 'NotBefore') ?? '',
        issueInstant: (view.assertion && attribute(view.assertion, 'IssueInstant')) ?? '',
      };
      const location = () => ctx.at.attribute(element, 'NotOnOrAfter');
      if (notBefore !== undefined && notOnOrAfter <= notBefore) {
        ctx.report({ messageId: 'emptyWindow', data, location: location() });
      } else if (issued !== undefined && notOnOrAfter <= issued) {
        ctx.report({ messageId: 'issuedExpired', data, location: location() });
      }
    }
    for (const data of bearerData) {
      if (attribute(data, 'NotBefore') !== undefined) {
        ctx.report({ messageId: 'bearerNotBefore', location: ctx.at.attribute(data, 'NotBefore'), severity: 'warning' });
      }
    }
  },
});
