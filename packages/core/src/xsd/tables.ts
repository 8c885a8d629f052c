/**
 * The shape of the tables scripts/compile-schemas.mjs writes (decision 0007). Names are `{namespace}local`
 * (an unqualified attribute: its local name); XML Schema's built-in types are `xs:local`.
 */
export interface SchemaTables {
  /** Global element declarations: their type. */
  elements: Record<string, TypeRef>;
  /** Named types. */
  types: Record<string, ComplexType | SimpleType>;
}

export type TypeRef = string | ComplexType | SimpleType;

export interface ComplexType {
  kind: 'complex';
  /** `simple`: text of type `simple`; `element`: element children only; `mixed`: both; `empty`: neither. */
  content: 'empty' | 'element' | 'mixed' | 'simple';
  abstract?: boolean;
  /** The type it derives from, for the names a message shows. */
  base?: string;
  particle?: Particle;
  simple?: TypeRef;
  attributes: AttributeUse[];
  anyAttribute?: Wildcard;
}

export interface SimpleType {
  kind: 'simple';
  base?: string;
  enumeration?: string[];
  maxLength?: number;
  list?: TypeRef;
  union?: TypeRef[];
}

export interface AttributeUse {
  name: string;
  type: TypeRef;
  required: boolean;
}

export interface Wildcard {
  namespaces: { any: true } | { not: string } | { in: string[] };
  process: 'strict' | 'lax' | 'skip';
}

interface Occurs {
  min: number;
  /** -1: unbounded. */
  max: number;
}

export type Particle =
  | (Occurs & { p: 'seq' | 'choice'; items: Particle[] })
  /** An element: a local declaration has its `type`; without one, the global declaration of `name`. */
  | (Occurs & { p: 'el'; name: string; type?: TypeRef })
  | (Occurs & { p: 'any' } & Wildcard);
