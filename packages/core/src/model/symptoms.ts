/**
 * What users see when a login fails (facts §12). Rules list the symptoms they cause, so `samlint why`
 * can rank the rules that fired for a message.
 */
export const SYMPTOMS = {
  'invalid-saml-response': 'Your request included an invalid SAML response. To logout, click here.',
  'role-session-name-required': 'RoleSessionName is required in AuthnResponse',
  'role-session-name-must-match': 'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
  'source-identity-must-match': 'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"',
  'not-authorized-assume-role': 'Not authorized to perform sts:AssumeRoleWithSAML',
  'signature-invalid': 'Response signature invalid',
  'issuer-not-present': 'Issuer not present in specified provider',
  'provider-does-not-exist': "Specified provider doesn't exist.",
  'could-not-parse-metadata': 'Could not parse metadata.',
  'duration-exceeds-max': 'Requested DurationSeconds exceeds MaxSessionDuration set for this role.',
  'required-audience': 'Response does not contain the required audience.',
  'response-expired': 'ExpiredTokenException: Response has expired',
  'request-arn-invalid': 'ValidationError: Request ARN is invalid',
  'invalid-base64': 'Invalid base64 SAMLResponse',
  'connect-not-onboarded':
    'Access Denied. Your account has been authenticated, but has not been onboarded to this application.',
  'connect-access-denied': 'Access denied, Please contact your AWS account administrator for assistance.',
  'session-expired': 'Session expired',
  'gr-user-not-onboarded': 'UserNotOnboardedException',
  'gr-resource-not-found': 'ResourceNotFoundException',
} as const;

export type SymptomId = keyof typeof SYMPTOMS;
