# keycloak_saml_client with the defects issue 16 lists that a Keycloak client can express: the
# Connect console as ACS, a client role without its provider ARN, SessionDuration `50400` (14 h),
# an unencoded `destination` in the relay state, an unsigned assertion, RSA_SHA1; and a
# RoleSessionName from a user attribute holding the display name.
resource "keycloak_saml_client" "connect" {
  realm_id                      = "staff"
  client_id                     = "urn:amazon:webservices"
  assertion_consumer_post_url   = "https://us-east-1.console.aws.amazon.com/connect/home"
  idp_initiated_sso_url_name    = "amazon-connect"
  idp_initiated_sso_relay_state = "https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b?destination=/agent-app-v2"
  sign_documents                = true
  sign_assertions               = false
  signature_algorithm           = "RSA_SHA1"
}

resource "keycloak_role" "connect_agent" {
  realm_id  = "staff"
  client_id = keycloak_saml_client.connect.id
  name      = "arn:aws:iam::123456789012:role/ConnectFederation"
}

resource "keycloak_saml_user_attribute_protocol_mapper" "session_name" {
  realm_id                   = "staff"
  client_id                  = keycloak_saml_client.connect.id
  name                       = "Session Name"
  user_attribute             = "displayName"
  saml_attribute_name        = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
  saml_attribute_name_format = "Basic"
}

resource "keycloak_generic_protocol_mapper" "role_list" {
  realm_id        = "staff"
  client_id       = keycloak_saml_client.connect.id
  name            = "Session Role"
  protocol        = "saml"
  protocol_mapper = "saml-role-list-mapper"
  config = {
    "attribute.name" = "https://aws.amazon.com/SAML/Attributes/Role"
    "single"         = "true"
  }
}

resource "keycloak_generic_protocol_mapper" "session_duration" {
  realm_id        = "staff"
  client_id       = keycloak_saml_client.connect.id
  name            = "Session Duration"
  protocol        = "saml"
  protocol_mapper = "saml-hardcode-attribute-mapper"
  config = {
    "attribute.name"  = "https://aws.amazon.com/SAML/Attributes/SessionDuration"
    "attribute.value" = "50400"
  }
}
