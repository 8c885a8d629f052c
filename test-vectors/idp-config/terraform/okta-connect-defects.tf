# okta_app_saml with the defects issue 16 lists: the Connect console as ACS, a Role without its
# provider ARN, a 14 h SessionDuration, an unencoded `destination` in the relay state, a
# RoleSessionName from the display name, the Connect URL as Audience, an unsigned assertion, SHA-1.
resource "okta_app_saml" "connect" {
  label               = "Amazon Connect (broken)"
  sso_url             = "https://eu-west-2.console.aws.amazon.com/connect/home"
  recipient           = "https://eu-west-2.signin.aws.amazon.com/saml"
  destination         = "https://eu-west-2.signin.aws.amazon.com/saml"
  audience            = "https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b"
  default_relay_state = "https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b?destination=/connect/ccp-v2/softphone?x=1&y=2"
  response_signed     = true
  assertion_signed    = false
  signature_algorithm = "RSA_SHA1"
  digest_algorithm    = "SHA1"

  attribute_statements {
    name   = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
    values = ["user.displayName"]
  }

  attribute_statements {
    name   = "https://aws.amazon.com/SAML/Attributes/Role"
    values = ["arn:aws:iam::123456789012:role/ConnectFederation"]
  }

  attribute_statements {
    name   = "https://aws.amazon.com/SAML/Attributes/SessionDuration"
    values = ["50400"]
  }
}
