export interface HarLogin {
  xml: string;
  relayState?: string;
  /** Where the form is posted (the AWS sign-in endpoint by default). */
  url?: string;
  /** The server's clock when it answered (ISO 8601; NOW by default). */
  date?: string;
  postData?: 'text+params' | 'params' | 'text' | 'none';
  /** A form body to post instead of `SAMLResponse=…&RelayState=…`. */
  body?: string;
}
export interface TracerLogin {
  xml: string;
  relayState?: string;
  url?: string;
  date?: string;
}
export declare function toHar(logins: HarLogin[]): string;
export declare function toSamlTracer(logins: TracerLogin[], options?: { profile?: 'none' | 'mask' | 'remove'; legacy?: boolean }): string;
export declare function encodeForHtmlAttribute(value: string): string;
export declare function toHtmlPage(xml: string, options?: { relayState?: string; url?: string; style?: 'saved' | 'shibboleth' | 'devtools' | 'no-form' }): string;
export declare function toSoapEnvelope(xml: string, options?: { url?: string }): string;
