# An Okta custom SAML 2.0 app for Amazon Connect (instance 0b8e2f7c-…, eu-west-2), as the
# okta/okta provider's okta_app_saml resource writes it.
terraform {
  required_providers {
    okta = {
      source  = "okta/okta"
      version = "~> 6.12"
    }
  }
}

resource "okta_app_saml" "connect" {
  label                    = "Amazon Connect"
  sso_url                  = "https://eu-west-2.signin.aws.amazon.com/saml"
  recipient                = "https://eu-west-2.signin.aws.amazon.com/saml"
  destination              = "https://eu-west-2.signin.aws.amazon.com/saml"
  audience                 = "urn:amazon:webservices"
  default_relay_state      = "https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b"
  subject_name_id_template = "$${user.userName}"
  subject_name_id_format   = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
  response_signed          = true
  assertion_signed         = true
  signature_algorithm      = "RSA_SHA256"
  digest_algorithm         = "SHA256"

  attribute_statements {
    name      = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
    namespace = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
    values    = ["String.toLowerCase(user.email)"]
  }

  attribute_statements {
    name      = "https://aws.amazon.com/SAML/Attributes/Role"
    namespace = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
    values    = ["arn:aws:iam::123456789012:role/ConnectFederation,arn:aws:iam::123456789012:saml-provider/Okta"]
  }

  attribute_statements {
    name      = "https://aws.amazon.com/SAML/Attributes/SessionDuration"
    namespace = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
    values    = ["43200"]
  }
}
