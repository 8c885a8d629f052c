resource "azuread_application" "connect" {
  display_name    = "Amazon Connect"
  identifier_uris = ["https://myinstance.my.connect.aws/"]
  web {
    redirect_uris = ["https://eu-west-2.console.aws.amazon.com/connect/home"]
  }
  app_role {
    allowed_member_types = ["User"]
    description          = "Agents"
    display_name         = "ConnectAgent"
    id                   = "5c2b8a37-9e41-4f6d-a2c8-1b7e3d9f0a64"
    value                = "arn:aws:iam::123456789012:role/ConnectAgent"
  }
}

resource "azuread_service_principal" "connect" {
  client_id                     = azuread_application.connect.client_id
  preferred_single_sign_on_mode = "saml"
  saml_single_sign_on {
    relay_state = "https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b?destination=/connect/ccp-v2/softphone"
  }
}
