# A Keycloak SAML client for Amazon Connect with the keycloak/keycloak provider: the client, its
# protocol-mapper resources (RoleSessionName from the username, a role list, a constant
# SessionDuration) and the client role the role-list mapper sends, named `role-arn,provider-arn`.
resource "keycloak_realm" "staff" {
  realm   = "staff"
  enabled = true
}

resource "keycloak_saml_client" "connect" {
  realm_id                      = keycloak_realm.staff.id
  client_id                     = "urn:amazon:webservices"
  name                          = "Amazon Connect"
  assertion_consumer_post_url   = "https://eu-west-2.signin.aws.amazon.com/saml"
  valid_redirect_uris           = ["https://eu-west-2.signin.aws.amazon.com/saml"]
  idp_initiated_sso_url_name    = "amazon-connect"
  idp_initiated_sso_relay_state = "https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b"
  sign_documents                = true
  sign_assertions               = true
  signature_algorithm           = "RSA_SHA256"
  full_scope_allowed            = false
}

resource "keycloak_role" "connect_agent" {
  realm_id  = keycloak_realm.staff.id
  client_id = keycloak_saml_client.connect.id
  name      = "arn:aws:iam::123456789012:role/ConnectFederation,arn:aws:iam::123456789012:saml-provider/Keycloak"
}

resource "keycloak_saml_user_property_protocol_mapper" "session_name" {
  realm_id                   = keycloak_realm.staff.id
  client_id                  = keycloak_saml_client.connect.id
  name                       = "Session Name"
  user_property              = "username"
  saml_attribute_name        = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
  saml_attribute_name_format = "Basic"
}

resource "keycloak_generic_protocol_mapper" "role_list" {
  realm_id        = keycloak_realm.staff.id
  client_id       = keycloak_saml_client.connect.id
  name            = "Session Role"
  protocol        = "saml"
  protocol_mapper = "saml-role-list-mapper"
  config = {
    "attribute.name"       = "https://aws.amazon.com/SAML/Attributes/Role"
    "attribute.nameformat" = "Basic"
    "friendly.name"        = "Session Role"
    "single"               = "true"
  }
}

resource "keycloak_generic_protocol_mapper" "session_duration" {
  realm_id        = keycloak_realm.staff.id
  client_id       = keycloak_saml_client.connect.id
  name            = "Session Duration"
  protocol        = "saml"
  protocol_mapper = "saml-hardcode-attribute-mapper"
  config = {
    "attribute.name"       = "https://aws.amazon.com/SAML/Attributes/SessionDuration"
    "attribute.nameformat" = "Basic"
    "attribute.value"      = "43200"
  }
}
