// An AWS sign-in SAML endpoint, as aws/endpoints.ts classifies a URL (facts §6, §7).

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

export type SignInEndpointKind =
  /** `https://signin.aws.amazon.com/saml` (and the partition's bare host). */
  | 'global'
  | 'regional'
  /** `…/saml/acs/{IdP-ID}`: the provider-specific ACS used with encrypted assertions. */
  | 'provider-acs'
  /** `https://signin.aws.amazon.com/static/saml`: 2023 docs only (facts §6). */
  | 'obsolete-static'
  /** `https://{instance-id}.{region}.sign-in.connect.aws/saml` (facts §7, CX-GR). */
  | 'global-resiliency';

export interface SignInEndpoint {
  kind: SignInEndpointKind;
  partition: Partition;
  /** The region the host names, or the one a bare host stands for (us-east-1, us-gov-west-1, cn-north-1). */
  region?: string;
  regionFromHost: boolean;
  providerId?: string;
  instanceId?: string;
}
