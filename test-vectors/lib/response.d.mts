export declare const AWS: {
  role: string;
  roleSessionName: string;
  sessionDuration: string;
  sourceIdentity: string;
  transitiveTagKeys: string;
  principalTag: (key: string) => string;
};
export declare const INSTANCE_ID: string;
export declare const ROLE_ARN: string;
export declare const PROVIDER_ARN: string;
export declare const RELAY_STATE: string;
export declare const ACS: string;
export declare const NOW: string;
export type AttributeEntry = [string, string[]] | { name: string | null; values: string[]; nameFormat?: string | null };
export interface Confirmation {
  method?: string | null;
  recipient?: string | null;
  notOnOrAfter?: string | null;
  notBefore?: string | null;
  inResponseTo?: string | null;
  data?: boolean;
}
export interface ResponseOptions {
  responseId?: string | null;
  assertionId?: string | null;
  version?: string | null;
  assertionVersion?: string | null;
  issueInstant?: string | null;
  destination?: string | null;
  responseIssuer?: string | null;
  issuer?: string | null;
  statusCode?: string | null;
  statusSubCode?: string | null;
  statusMessage?: string | null;
  subject?: true | null;
  nameId?: string | null;
  nameIdFormat?: string | null;
  nameIdSpNameQualifier?: string | null;
  subjectConfirmations?: Confirmation[] | null;
  recipient?: string | null;
  notBefore?: string | null;
  notOnOrAfter?: string | null;
  confirmationNotOnOrAfter?: string | null;
  conditions?: true | null;
  audiences?: string[] | null;
  authnInstant?: string | null;
  sessionNotOnOrAfter?: string | null;
  authnStatement?: true | null;
  attributes?: AttributeEntry[] | null;
  assertionCount?: number;
  sign?: 'none' | 'assertion' | 'response' | 'both';
  signatureAlgorithms?: Partial<SignatureAlgorithms>;
  assertionExtra?: string;
  responseExtra?: string;
}
export declare const DEFAULTS: Required<ResponseOptions>;
export declare function defaultAttributes(): Array<[string, string[]]>;
export interface SignatureAlgorithms {
  canonicalization: string;
  signature: string;
  digest: string;
  transforms: string[];
}
export declare const SIGNATURE_ALGORITHMS: SignatureAlgorithms;
export declare function signatureTemplate(referenceId: string, algorithms?: Partial<SignatureAlgorithms>): string;
export declare function buildResponse(overrides?: ResponseOptions): string;
export declare function withAttributes(changes: Record<string, string[] | null>): Array<[string, string[]]>;
export declare function toBase64(xml: string): string;
export declare function toFormBody(xml: string, relayState?: string): string;
