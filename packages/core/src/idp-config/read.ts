// Which IdP configuration a file is, recognised from its structure (decision 0008), and its SAML apps.
import type { IdpConfigFile } from '../model/idp-config.js';
import { parseJson } from '../json/tree.js';
import { isOktaAppsJson, readOktaApps } from './okta-api.js';
import { readTerraformApps, terraformKind } from './terraform-plan.js';
import { keycloakKind, readKeycloakClients } from './keycloak.js';
import { mayBeTerraformSource, readTerraformSource } from './terraform-source.js';
import { adfsJsonTrusts, readAdfsJsonTrusts } from './adfs.js';
import { mayBeAdfsListView, readAdfsListView } from './adfs-list-view.js';
import { graphObjects, readGraphApps } from './graph.js';

/** A cheap look before parsing: configuration files are JSON objects or arrays. */
function mayBeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** The IdP configuration in `text`, or undefined when it is none samlint reads (the file is then linted as before). */
export function readIdpConfig(text: string): IdpConfigFile | undefined {
  if (!mayBeJson(text)) return mayBeTerraformSource(text) ? readTerraformSource(text) : readListView(text);
  const doc = parseJson(text, 'input');
  const root = doc.root;
  if (doc.problems.length || !root) return undefined;
  if (isOktaAppsJson(root)) return { description: 'Okta Apps API JSON', apps: readOktaApps(text, root) };
  const terraform = terraformKind(root);
  if (terraform) return { description: `Terraform ${terraform}`, apps: readTerraformApps(text, root, terraform) };
  const keycloak = keycloakKind(root);
  if (keycloak) return { description: `Keycloak ${keycloak} export`, apps: readKeycloakClients(text, root, keycloak) };
  const trusts = adfsJsonTrusts(root);
  if (trusts) return { description: 'AD FS relying-party trust (ConvertTo-Json)', apps: readAdfsJsonTrusts(text, trusts) };
  const graph = graphObjects(root);
  if (graph) return { description: 'Microsoft Graph', apps: readGraphApps(text, graph) };
  return undefined;
}

/** PowerShell's default view of `Get-AdfsRelyingPartyTrust`, the one text configuration samlint reads. */
function readListView(text: string): IdpConfigFile | undefined {
  if (!mayBeAdfsListView(text)) return undefined;
  const apps = readAdfsListView(text);
  return apps && { description: 'AD FS relying-party trust (list view)', apps };
}
