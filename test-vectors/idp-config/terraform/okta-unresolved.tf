# okta_app_saml whose values come from variables, locals and other resources: Terraform source does
# not say what they are, so each is reported as not checked, with its expression (lint the plan,
# `terraform show -json`, to check them).
variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "relay_state" {
  type = string
}

locals {
  sign_in = "https://${var.region}.signin.aws.amazon.com/saml"
}

resource "aws_iam_saml_provider" "okta" {
  name                   = "Okta"
  saml_metadata_document = file("${path.module}/okta-metadata.xml")
}

resource "okta_app_saml" "connect" {
  label               = "Amazon Connect"
  sso_url             = local.sign_in
  recipient           = local.sign_in
  destination         = local.sign_in
  audience            = "urn:amazon:webservices"
  default_relay_state = var.relay_state
  response_signed     = true
  assertion_signed    = true
  signature_algorithm = "RSA_SHA256"
  digest_algorithm    = "SHA256"

  attribute_statements {
    name   = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
    values = ["String.toLowerCase(user.email)"]
  }

  attribute_statements {
    name   = "https://aws.amazon.com/SAML/Attributes/Role"
    values = ["arn:aws:iam::123456789012:role/ConnectFederation,${aws_iam_saml_provider.okta.arn}"]
  }

  attribute_statements {
    name   = "https://aws.amazon.com/SAML/Attributes/SessionDuration"
    values = [tostring(var.session_seconds)]
  }
}
