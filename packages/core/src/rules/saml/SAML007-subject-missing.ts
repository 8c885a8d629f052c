import { NS, firstChild, textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { localNameOf } from './_shared.js';

const ACCESS_DENIED =
  'AWS answers `Not authorized to perform sts:AssumeRoleWithSAML (service: AWSSecurityTokenService; status code: 403; error code: AccessDenied)`';

export const SAML007 = defineRule({
  meta: {
    code: 'SAML007',
    name: 'subject-missing',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Assertion has no Subject, no NameID, or an empty NameID',
    facts: ['AWS-SUBJ-001'],
    symptoms: ['not-authorized-assume-role'],
    messages: {
      noSubject: {
        message: '`Assertion` has no `saml:Subject`',
        help: 'AWS needs a Subject with a NameID; set the IdP application’s Name ID (Okta: Application username; Entra ID: Unique User Identifier claim; AD FS: a Name ID claim rule) to a persistent identifier',
        profiles: { generic: { help: 'the service provider identifies the user by the Subject’s NameID; set the IdP application’s Name ID (Okta: Application username; Entra ID: Unique User Identifier claim; AD FS: a Name ID claim rule) to a persistent identifier' } },
      },
      noNameId: {
        message: '`Subject` has no `saml:NameID`',
        help: 'AWS needs a NameID in the Subject; set the IdP application’s Name ID (Okta: Application username; Entra ID: Unique User Identifier claim; AD FS: a claim rule that issues Name ID) to a persistent identifier',
        profiles: { generic: { help: 'the service provider identifies the user by the Subject’s NameID; set the IdP application’s Name ID (Okta: Application username; Entra ID: Unique User Identifier claim; AD FS: a claim rule that issues Name ID) to a persistent identifier' } },
      },
      emptyNameId: {
        message: '`NameID` is empty',
        help: 'the IdP mapped the Name ID to a user property that is empty for this user; map it to one every user has (Okta: Application username; Entra ID: Unique User Identifier claim; AD FS: the Name ID claim rule)',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.assertion) return;
    const aws = ctx.env.profile === 'aws';
    const notes = aws ? [ACCESS_DENIED] : [];
    if (!view.subject) {
      ctx.report({ messageId: 'noSubject', location: ctx.at.element(view.assertion), notes });
    } else if (!view.nameId) {
      // A generic SP may decrypt an EncryptedID (SAML core §2.2.4; SAML026 checks its structure).
      if (!aws && firstChild(view.subject, NS.saml, 'EncryptedID')) return;
      // An EncryptedID or BaseID is schema-valid, but AWS documents only NameID.
      const other = firstChild(view.subject, NS.saml, 'EncryptedID') ?? firstChild(view.subject, NS.saml, 'BaseID');
      if (other) notes.push(`the Subject carries a \`${localNameOf(other)}\` instead${aws ? ', which AWS does not document' : ''}`);
      ctx.report({ messageId: 'noNameId', location: ctx.at.element(view.subject), notes });
    } else if (textOf(view.nameId).trim() === '') {
      ctx.report({ messageId: 'emptyNameId', location: ctx.at.content(view.nameId), notes });
    }
  },
});
