import type { Location } from '../../model/finding.js';
import type { ReportOf, RuleContext } from '../../model/rule.js';
import type { DecryptionFailure } from '../../model/decryption.js';
import { defineRule } from '../define-rule.js';

const WRONG_KEY =
  'pass the private key whose certificate the IdP encrypts to: the key added to the IAM SAML provider (IAM keeps at most two and tries the newest first); if --decryption-key is that key, the IdP encrypts to another certificate: upload its certificate as the application’s encryption certificate on the IdP';
const WRONG_KEY_GENERIC =
  'pass the private key whose certificate the IdP encrypts to: the service provider’s decryption key; if --decryption-key is that key, the IdP encrypts to another certificate: upload the service provider’s encryption certificate as the application’s encryption certificate on the IdP';
const DAMAGED =
  'the response changed after the IdP encrypted it: capture it again, unchanged (a proxy, a template or a copy and paste that lost characters does this); if a fresh capture fails the same way, report it to the IdP vendor';
const UNSUPPORTED =
  'samlint decrypts AES-128, AES-192 and AES-256 (CBC or GCM) and 3DES-CBC content with RSA-OAEP or RSA 1.5 key transport; AWS lists AES-128 and AES-256 (CBC or GCM) with RSA-OAEP: choose those in the IdP’s encryption settings for this application';
const UNSUPPORTED_GENERIC =
  'samlint decrypts AES-128, AES-192 and AES-256 (CBC or GCM) and 3DES-CBC content with RSA-OAEP or RSA 1.5 key transport: choose AES-GCM with RSA-OAEP in the IdP’s encryption settings for this application, if the service provider supports them';
const STRUCTURE =
  'the IdP (or something after it) produced an encrypted assertion its recipient cannot decrypt: check the application’s encryption settings on the IdP (algorithms and the SP’s encryption certificate), and that nothing rewrites the response on the way';
const KEY_PLACEMENT =
  'the IdP must send the content key as an `xenc:EncryptedKey` encrypted to the SP’s certificate, in the EncryptedData’s KeyInfo or beside it in the EncryptedAssertion (SAML core §2.2.4): check the application’s encryption certificate on the IdP';
const PLAINTEXT =
  'an EncryptedAssertion holds one encrypted `saml:Assertion` (SAML core §2.3.4): capture the response again, unchanged; if it fails the same way, the IdP encrypts something else: report it to the IdP vendor';

const TRANSPORT_NAMES = { oaep: 'RSA-OAEP', pkcs1: 'RSA PKCS#1 v1.5' } as const;

/** The message and location of each failure; `malformed` is SAML026's to report. */
function reportOf(failure: Exclude<DecryptionFailure, { kind: 'malformed' }>, ctx: RuleContext): ReportOf<typeof IN011> {
  const at = (name?: string): Location => (name ? ctx.at.attribute(failure.at, name) : ctx.at.element(failure.at));
  switch (failure.kind) {
    case 'key-unreadable': {
      const messageId = ({ unknown: 'keyUnreadable', certificate: 'keyIsCertificate', passphrase: 'keyHasPassphrase' } as const)[failure.form];
      return { messageId, location: at() };
    }
    case 'key-not-rsa':
      return { messageId: 'keyNotRsa', data: { keyType: failure.keyType }, location: at() };
    case 'algorithm-missing':
      return { messageId: 'algorithmMissing', data: { part: failure.part }, location: at() };
    case 'algorithm-unsupported':
      return { messageId: 'algorithmUnsupported', data: { part: failure.part, role: failure.role, algorithm: failure.algorithm }, location: at('Algorithm') };
    case 'encrypted-key-missing':
      return { messageId: 'encryptedKeyMissing', location: at() };
    case 'retrieval-unresolved':
      return { messageId: 'retrievalUnresolved', data: { uri: failure.uri }, location: at('URI') };
    case 'cipher-reference':
      return { messageId: 'cipherReference', data: { part: failure.part, uri: failure.uri }, location: at('URI') };
    case 'cipher-value-missing':
      return { messageId: 'cipherValueMissing', data: { part: failure.part }, location: at() };
    case 'cipher-value-not-base64':
      return { messageId: 'cipherValueNotBase64', data: { part: failure.part }, location: at() };
    case 'cipher-text-length':
      return { messageId: 'cipherTextLength', data: { bytes: failure.bytes, cipher: failure.cipher.name }, location: at() };
    case 'wrong-key': {
      const { evidence } = failure;
      if (evidence.by === 'certificate') {
        const { subject, fingerprint256 } = evidence.certificate;
        return { messageId: 'wrongKeyCertificate', data: { subject, fingerprint: fingerprint256 }, location: at() };
      }
      if (evidence.by === 'size') return { messageId: 'wrongKeySize', data: { wrappedBits: evidence.wrappedBits, keyBits: evidence.keyBits }, location: at() };
      return { messageId: 'wrongKey', data: { padding: TRANSPORT_NAMES[evidence.transport] }, location: at() };
    }
    case 'encrypted-key-damaged':
      return { messageId: 'encryptedKeyDamaged', data: { subject: failure.certificate.subject }, location: at() };
    case 'content-key-size':
      return {
        messageId: 'contentKeySize',
        data: { algorithm: failure.algorithm, expectedBits: failure.expectedBits, actualBits: failure.actualBits },
        location: at('Algorithm'),
      };
    case 'gcm-tag-mismatch':
      return { messageId: 'gcmTagMismatch', location: at() };
    case 'cbc-padding-invalid':
      return { messageId: 'cbcPaddingInvalid', location: at() };
    case 'plaintext-not-xml':
      return { messageId: 'plaintextNotXml', data: { reason: failure.reason }, location: at() };
    case 'plaintext-not-assertion':
      return { messageId: 'plaintextNotAssertion', data: { root: failure.root }, location: at() };
  }
}

export const IN011 = defineRule({
  meta: {
    code: 'IN011',
    name: 'decryption-failed',
    family: 'IN',
    stage: 'response',
    severity: 'error',
    summary: 'The EncryptedAssertion cannot be decrypted with the key given in --decryption-key',
    facts: ['AWS-RCPT-002'],
    symptoms: ['invalid-saml-response'],
    messages: {
      keyUnreadable: {
        message: 'the --decryption-key file is not a PEM private key',
        help: 'pass the unencrypted PEM private key (`-----BEGIN PRIVATE KEY-----` or `-----BEGIN RSA PRIVATE KEY-----`) whose certificate the IdP encrypts to',
      },
      keyIsCertificate: {
        message: 'the --decryption-key file holds a certificate, not a private key',
        help: 'pass the private key (PEM) of that certificate: the key added to the IAM SAML provider',
        profiles: { generic: { help: 'pass the private key (PEM) of that certificate: the service provider’s decryption key' } },
      },
      keyHasPassphrase: {
        message: 'the --decryption-key file is a passphrase-protected private key',
        help: 'write the key out without its passphrase (`openssl pkey -in key.pem -out plain-key.pem`), pass that file, and delete it afterwards',
      },
      keyNotRsa: {
        message: 'the --decryption-key has key type `{{keyType}}`; XML Encryption key transport takes an RSA key',
        help: 'pass the RSA private key whose certificate the IdP encrypts to',
      },
      algorithmMissing: { message: 'the `EncryptionMethod` of the `{{part}}` names no algorithm', help: STRUCTURE },
      algorithmUnsupported: {
        message: 'the {{role}} algorithm `{{algorithm}}` of the `{{part}}` is not one samlint decrypts',
        help: UNSUPPORTED,
        profiles: { generic: { help: UNSUPPORTED_GENERIC } },
      },
      encryptedKeyMissing: { message: 'the `KeyInfo` of the `EncryptedData` holds no `EncryptedKey`, and none stands beside it', help: KEY_PLACEMENT },
      retrievalUnresolved: {
        message: 'the `RetrievalMethod` names `{{uri}}`, but no `EncryptedKey` beside the `EncryptedData` has that `Id`',
        help: KEY_PLACEMENT,
      },
      cipherReference: {
        message: 'the `{{part}}` points at its cipher text (`CipherReference` `{{uri}}`) instead of carrying it',
        help: 'SAML carries the cipher text in the assertion (`CipherValue`), and samlint reads only the response: configure the IdP to embed it',
      },
      cipherValueMissing: { message: 'the `CipherData` of the `{{part}}` holds no `CipherValue`', help: STRUCTURE },
      cipherValueNotBase64: { message: 'the `CipherValue` of the `{{part}}` is not base64', help: DAMAGED },
      cipherTextLength: { message: 'the cipher text is {{bytes}} bytes: too short, or not whole blocks, for `{{cipher}}`', help: DAMAGED },
      wrongKeyCertificate: {
        message: 'the `EncryptedKey` is encrypted to `{{subject}}` (SHA-256 {{fingerprint}}), not to the certificate of --decryption-key',
        help: WRONG_KEY,
        profiles: { generic: { help: WRONG_KEY_GENERIC } },
      },
      wrongKeySize: {
        message: 'the `EncryptedKey` is encrypted to a {{wrappedBits}}-bit RSA key; --decryption-key is {{keyBits}} bits',
        help: WRONG_KEY,
        profiles: { generic: { help: WRONG_KEY_GENERIC } },
      },
      wrongKey: {
        message: 'the `EncryptedKey` does not decrypt with --decryption-key: its {{padding}} padding does not decode',
        help: WRONG_KEY,
        profiles: { generic: { help: WRONG_KEY_GENERIC } },
      },
      encryptedKeyDamaged: {
        message: 'the `EncryptedKey` names the certificate of --decryption-key (`{{subject}}`) yet does not decrypt with it',
        help: DAMAGED,
      },
      contentKeySize: {
        message: 'the content key is {{actualBits}} bits, but `{{algorithm}}` takes {{expectedBits}}',
        help: 'the IdP wrapped a key that does not fit its own content algorithm (an IdP defect): choose another content algorithm in its encryption settings (AES-256, CBC or GCM) and report it to the IdP vendor',
      },
      gcmTagMismatch: { message: 'the AES-GCM authentication tag of the `EncryptedData` does not verify: the cipher text was changed', help: DAMAGED },
      cbcPaddingInvalid: { message: 'the decrypted `EncryptedData` ends in invalid padding: the cipher text was changed', help: DAMAGED },
      plaintextNotXml: { message: 'the decrypted `EncryptedData` is not an XML document samlint reads: {{reason}}', help: PLAINTEXT },
      plaintextNotAssertion: { message: 'the decrypted content is `{{root}}`, not a `saml:Assertion`', help: PLAINTEXT },
    },
  },
  check(ctx) {
    const failure = ctx.env.decryptionProblem;
    // A structurally broken EncryptedAssertion is SAML026's to report; here keys, algorithms and bytes fail.
    if (!ctx.response || !failure || failure.kind === 'malformed') return;
    ctx.report(reportOf(failure, ctx));
  },
});
