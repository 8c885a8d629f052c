// IAM ARN grammar for the two ARNs SAML federation names: the role and the SAML provider (facts §4,
// IAM-API model). A parse gives either the ARN or the first defect found, reading left to right, so a
// message can say exactly which field is wrong.
import { STS_NAME_CHARACTER, characterLength, describeCharacters, invalidCharacters } from './charset.js';
import type { Partition } from '../model/sign-in-endpoint.js';

export const PARTITIONS: readonly Partition[] = ['aws', 'aws-us-gov', 'aws-cn'];

export type IamArnType = 'role' | 'saml-provider';

export interface IamArn {
  type: IamArnType;
  partition: Partition;
  account: string;
  /** Role path with its slashes (`/` when there is none); empty for a SAML provider, which has no path. */
  path: string;
  name: string;
}

export type ArnDefect =
  | { kind: 'not-an-arn' }
  | { kind: 'partition'; partition: string }
  | { kind: 'service'; service: string }
  | { kind: 'region'; region: string }
  | { kind: 'account'; account: string }
  | { kind: 'resource-type'; resource: string }
  | { kind: 'path'; path: string; characters: string[]; length: number }
  | { kind: 'name-empty'; type: IamArnType }
  | { kind: 'name-length'; type: IamArnType; name: string; length: number; max: number }
  | { kind: 'name-characters'; type: IamArnType; name: string; characters: string[] };

export interface ParsedIamArn {
  /** Which ARN the text means to be, from `:role/` or `:saml-provider/`, even when it is malformed. */
  type?: IamArnType;
  arn?: IamArn;
  defect?: ArnDefect;
}

/** Role names: 1–64 characters of `[\w+=,.@-]` (STS_NAME_CHARACTER); IAM compares them ignoring case. */
export const ROLE_NAME_MAX = 64;
/** Path characters `\u0021`–`\u007E`, 1–512 with both slashes. */
const PATH_CHARACTER = /[\x21-\x7E]/;
const PATH_MAX = 512;
/**
 * Provider names: the API pattern is `[\w._-]+` but the CreateSAMLProvider prose also allows `+=,@`;
 * samlint accepts the union because AWS disagrees with itself (facts §4).
 */
export const PROVIDER_NAME_CHARACTER = /[\w.+=,@-]/;
export const PROVIDER_NAME_MAX = 128;

const ACCOUNT = /^\d{12}$/;

/** The IAM ARN type a text names, without judging the rest of it. */
export function iamArnType(text: string): IamArnType | undefined {
  if (text.includes(':role/')) return 'role';
  if (text.includes(':saml-provider/')) return 'saml-provider';
  return undefined;
}

/** Parses a role or SAML-provider ARN: `arn:{partition}:iam::{account}:role/{path}{name}` or `…:saml-provider/{name}`. */
export function parseIamArn(text: string): ParsedIamArn {
  const type = iamArnType(text);
  const fail = (defect: ArnDefect): ParsedIamArn => ({ type, defect });
  const fields = splitArn(text);
  if (!fields) return fail({ kind: 'not-an-arn' });
  const [partition, service, region, account, resource] = fields;
  if (!isPartition(partition)) return fail({ kind: 'partition', partition });
  if (service !== 'iam') return fail({ kind: 'service', service });
  if (region !== '') return fail({ kind: 'region', region });
  if (!ACCOUNT.test(account)) return fail({ kind: 'account', account });
  const slash = resource.indexOf('/');
  const resourceType = slash < 0 ? resource : resource.slice(0, slash);
  const rest = slash < 0 ? '' : resource.slice(slash + 1);
  if (resourceType === 'role') {
    const last = rest.lastIndexOf('/');
    const path = `/${rest.slice(0, last + 1)}`;
    const name = rest.slice(last + 1);
    const pathCharacters = invalidCharacters(path, PATH_CHARACTER);
    if (pathCharacters.length || path.length > PATH_MAX) {
      return fail({ kind: 'path', path, characters: pathCharacters, length: path.length });
    }
    const defect = nameDefect('role', name, STS_NAME_CHARACTER, ROLE_NAME_MAX);
    if (defect) return fail(defect);
    return { type: 'role', arn: { type: 'role', partition, account, path, name } };
  }
  if (resourceType === 'saml-provider') {
    const defect = nameDefect('saml-provider', rest, PROVIDER_NAME_CHARACTER, PROVIDER_NAME_MAX);
    if (defect) return fail(defect);
    return { type: 'saml-provider', arn: { type: 'saml-provider', partition, account, path: '', name: rest } };
  }
  return fail({ kind: 'resource-type', resource: resourceType });
}

/** `arn:partition:service:region:account:resource`; the resource keeps any further colons. */
function splitArn(text: string): [string, string, string, string, string] | undefined {
  const fields = text.split(':');
  if (fields.length < 6 || fields[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = fields;
  return [partition, service, region, account, fields.slice(5).join(':')];
}

function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

function nameDefect(type: IamArnType, name: string, allowed: RegExp, max: number): ArnDefect | undefined {
  if (name === '') return { kind: 'name-empty', type };
  const characters = invalidCharacters(name, allowed);
  if (characters.length) return { kind: 'name-characters', type, name, characters };
  const length = characterLength(name);
  if (length > max) return { kind: 'name-length', type, name, length, max };
  return undefined;
}

const NAME_OF: Record<IamArnType, string> = { role: 'role name', 'saml-provider': 'provider name' };

/** Why an ARN is malformed, as the end of a sentence that starts with the ARN. */
export function describeArnDefect(defect: ArnDefect): string {
  switch (defect.kind) {
    case 'not-an-arn':
      return 'is not an ARN';
    case 'partition':
      return `has partition \`${defect.partition}\`, not \`aws\`, \`aws-us-gov\` or \`aws-cn\``;
    case 'service':
      return `has service \`${defect.service}\`, not \`iam\``;
    case 'region':
      return `has region \`${defect.region}\`, but IAM ARNs have none`;
    case 'account':
      return defect.account === '' ? 'has no account ID' : `has account ID \`${defect.account}\`, not 12 digits`;
    case 'resource-type':
      return `is neither a role nor a saml-provider ARN (resource type \`${defect.resource}\`)`;
    case 'path':
      return defect.characters.length
        ? `has a role path with ${describeCharacters(defect.characters)}, which IAM does not allow`
        : `has a role path of ${defect.length} characters, over 512`;
    case 'name-empty':
      return `has no ${NAME_OF[defect.type]}`;
    case 'name-length':
      return `has a ${NAME_OF[defect.type]} of ${defect.length} characters, over ${defect.max}`;
    case 'name-characters':
      return `has a ${NAME_OF[defect.type]} with ${describeCharacters(defect.characters)}, which IAM does not allow`;
  }
}
