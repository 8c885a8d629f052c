import { textOf } from '../xml/dom.js';
import { ContentModel, type Label } from './content-model.js';
import { SCHEMA_TABLES } from './schemas.generated.js';
import { builtInName, checkValue, type ValueProblem } from './simple-types.js';
import type { ComplexType, SchemaTables, TypeRef, Wildcard } from './tables.js';

/** One way a document breaks the SAML schemas (decision 0007): what the XSD rules report, one rule per kind. */
export type Violation =
  /** A child element the content model does not allow here; `expected` names what would fit. */
  | { kind: 'unexpected-element'; element: Element; expected: string[] }
  /** Text other than whitespace where the type allows only elements, or nothing. */
  | { kind: 'unexpected-text'; element: Element }
  /** `element` lacks a required child: one of `missing`. */
  | { kind: 'missing-element'; element: Element; missing: string[] }
  | { kind: 'missing-attribute'; element: Element; attribute: string }
  /** `attribute` is the name as written. */
  | { kind: 'attribute-not-allowed'; element: Element; attribute: string }
  /** A value not of its type: an attribute's when `attribute` is set, else the element's text. */
  | { kind: 'invalid-value'; element: Element; attribute?: string; value: string; problem: ValueProblem }
  | { kind: 'duplicate-id'; element: Element; attribute: string; value: string }
  /** An element in a namespace of the bundled schemas that none of them declares. */
  | { kind: 'unknown-element'; element: Element };

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XS = 'http://www.w3.org/2001/XMLSchema';

/** The usual prefix of each namespace, for the names messages show (the document's own prefixes may differ). */
const PREFIXES: Record<string, string> = {
  'urn:oasis:names:tc:SAML:2.0:assertion': 'saml',
  'urn:oasis:names:tc:SAML:2.0:protocol': 'samlp',
  'urn:oasis:names:tc:SAML:2.0:metadata': 'md',
  'http://www.w3.org/2000/09/xmldsig#': 'ds',
  'http://www.w3.org/2001/04/xmlenc#': 'xenc',
  'urn:oasis:names:tc:SAML:metadata:ui': 'mdui',
  'urn:oasis:names:tc:SAML:metadata:attribute': 'mdattr',
  'urn:oasis:names:tc:SAML:metadata:algsupport': 'alg',
  'urn:oasis:names:tc:SAML:attribute:ext': 'ext',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** `{ns}local` as a message shows it: `saml:Issuer`. */
export function displayName(name: string): string {
  const close = name.indexOf('}');
  if (!name.startsWith('{') || close < 0) return name;
  const ns = name.slice(1, close);
  const local = name.slice(close + 1);
  const prefix = PREFIXES[ns];
  return prefix ? `${prefix}:${local}` : ns ? `{${ns}}${local}` : local;
}

/** The namespaces the bundled schemas declare elements in. */
const SCHEMA_NAMESPACES = new Set(Object.keys(SCHEMA_TABLES.elements).map((name) => name.slice(1, name.indexOf('}'))));

/** Whether samlint holds the schema of a document with this root: it is validated only then. */
export function hasSchemaFor(root: Element): boolean {
  return SCHEMA_NAMESPACES.has(root.namespaceURI ?? '');
}

const cache = new WeakMap<Element, Violation[]>();

/** Every violation of the SAML schemas in the subtree of `root`, in document order; computed once per root. */
export function schemaViolations(root: Element): Violation[] {
  let found = cache.get(root);
  if (!found) {
    found = new Validator(SCHEMA_TABLES).run(root);
    cache.set(root, found);
  }
  return found;
}

/**
 * `{namespace}local` names in the schemas' namespaces, each built once rather than per node (and then
 * looked up as a string whose hash is known). At most this many per namespace: a hostile document's
 * many invented names are built as they come, not kept.
 */
const MAX_NAMES_PER_NAMESPACE = 1024;
const NAMES = new Map([...SCHEMA_NAMESPACES].map((namespace) => [namespace, new Map<string, string>()]));

function nameOf(node: Element | Attr): string {
  const namespace = node.namespaceURI;
  if (!namespace) return node.localName ?? node.nodeName;
  const known = NAMES.get(namespace);
  let name = known?.get(node.localName);
  if (name === undefined) {
    name = `{${namespace}}${node.localName}`;
    if (known && known.size < MAX_NAMES_PER_NAMESPACE) known.set(node.localName, name);
  }
  return name;
}

/** Content models are built once per process, on first use. */
const MODELS = new Map<ComplexType, ContentModel>();

function modelOf(type: ComplexType): ContentModel {
  let model = MODELS.get(type);
  if (!model) {
    model = new ContentModel(type.particle);
    MODELS.set(type, model);
  }
  return model;
}

function inNamespaces(wildcard: Wildcard, namespace: string): boolean {
  const { namespaces } = wildcard;
  if ('any' in namespaces) return true;
  if ('not' in namespaces) return namespace !== '' && namespace !== namespaces.not;
  return namespaces.in.includes(namespace);
}

/** The namespace a prefix is bound to where `element` is, by the declarations on it and its ancestors. */
function namespaceOfPrefix(element: Element, prefix: string | undefined): string | undefined {
  const declaration = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
  for (let node: Node | null = element; node && node.nodeType === 1; node = node.parentNode) {
    const attribute = (node as Element).getAttributeNode(declaration);
    if (attribute) return attribute.value;
  }
  return undefined;
}

class Validator {
  private readonly violations: Violation[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly tables: SchemaTables) {}

  run(root: Element): Violation[] {
    const declared = this.tables.elements[nameOf(root)];
    if (declared === undefined) {
      if (hasSchemaFor(root)) this.violations.push({ kind: 'unknown-element', element: root });
      return this.violations;
    }
    // An explicit stack: a document nested as deep as samlint's limit allows must not exhaust the call stack.
    const stack: { element: Element; type: TypeRef }[] = [{ element: root, type: declared }];
    for (let item = stack.pop(); item; item = stack.pop()) {
      const children = this.element(item.element, item.type);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as { element: Element; type: TypeRef });
    }
    return this.violations;
  }

  /** Checks one element against its type and returns its children that have a type to be checked against. */
  private element(element: Element, declared: TypeRef): { element: Element; type: TypeRef }[] {
    const type = this.effectiveType(element, declared);
    if (type === undefined) return [];
    if (type === 'xs:anyType') return this.anyContent(element);
    const resolved = typeof type === 'string' ? (type.startsWith('xs:') ? type : this.tables.types[type]) : type;
    if (resolved === undefined) return [];
    if (typeof resolved === 'string' || resolved.kind === 'simple') {
      this.attributes(element, undefined);
      this.noElementChildren(element);
      this.value(element, undefined, textOf(element), type);
      return [];
    }
    // An abstract type needs an xsi:type naming a concrete one; without it nothing says what the content is.
    if (resolved.abstract) return [];
    this.attributes(element, resolved);
    if (element.getAttributeNS(XSI, 'nil') === 'true') return [];
    if (resolved.content === 'simple') {
      this.noElementChildren(element);
      if (resolved.simple !== undefined) this.value(element, undefined, textOf(element), resolved.simple);
      return [];
    }
    if (resolved.content !== 'mixed' && hasText(element)) this.violations.push({ kind: 'unexpected-text', element });
    return this.children(element, resolved);
  }

  /** The type an element is checked against: its xsi:type when samlint knows that type; none when it names another (an extension point). */
  private effectiveType(element: Element, declared: TypeRef): TypeRef | undefined {
    const xsiType = element.getAttributeNodeNS(XSI, 'type');
    if (!xsiType) return declared;
    const value = xsiType.value.trim();
    const colon = value.indexOf(':');
    const ns = namespaceOfPrefix(element, colon < 0 ? undefined : value.slice(0, colon));
    const local = value.slice(colon + 1);
    if (ns === XS) return `xs:${local}`;
    const name = `{${ns ?? ''}}${local}`;
    return this.tables.types[name] ? name : undefined;
  }

  /** `xs:anyType`: any attributes and content; children samlint has a declaration for are still checked (lax). */
  private anyContent(element: Element): { element: Element; type: TypeRef }[] {
    const found: { element: Element; type: TypeRef }[] = [];
    for (const child of elementChildren(element)) {
      const type = this.tables.elements[nameOf(child)];
      if (type !== undefined) found.push({ element: child, type });
    }
    return found;
  }

  private attributes(element: Element, type: ComplexType | undefined): void {
    const uses = type?.attributes ?? [];
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i) as Attr;
      if (attribute.namespaceURI === XMLNS || attribute.namespaceURI === XSI || attribute.name === 'xmlns') continue;
      const name = nameOf(attribute);
      const use = uses.find((u) => u.name === name);
      if (use) {
        this.value(element, attribute.name, attribute.value, use.type);
      } else if (!(type?.anyAttribute && inNamespaces(type.anyAttribute, attribute.namespaceURI ?? ''))) {
        this.violations.push({ kind: 'attribute-not-allowed', element, attribute: attribute.name });
      }
    }
    for (const use of uses) {
      if (use.required && !hasAttribute(element, use.name)) {
        this.violations.push({ kind: 'missing-attribute', element, attribute: displayName(use.name) });
      }
    }
  }

  private value(element: Element, attribute: string | undefined, value: string, type: TypeRef): void {
    const problem = checkValue(value, type, this.tables, displayName);
    if (problem) {
      this.violations.push({ kind: 'invalid-value', element, value, problem, ...(attribute !== undefined ? { attribute } : {}) });
    } else if (attribute !== undefined && builtInName(type, this.tables) === 'xs:ID') {
      const id = value.trim();
      if (this.ids.has(id)) this.violations.push({ kind: 'duplicate-id', element, attribute, value: id });
      this.ids.add(id);
    }
  }

  private noElementChildren(element: Element): void {
    for (const child of elementChildren(element)) this.violations.push({ kind: 'unexpected-element', element: child, expected: [] });
  }

  /**
   * Matches the children against the content model. A child that does not fit is taken as following
   * a missing required element when it would fit after one, and as unexpected (and passed over)
   * otherwise, so every violation is reported, not only the first.
   */
  private children(element: Element, type: ComplexType): { element: Element; type: TypeRef }[] {
    const model = modelOf(type);
    const found: { element: Element; type: TypeRef }[] = [];
    let states = model.initial();
    // A child that fits nothing leaves the states as they were, so a run of such siblings (thousands, in
    // a hostile document) is worked out once per name, until a child fits.
    let misfits = new Map<string, Misfit>();
    for (const child of elementChildren(element)) {
      const name = nameOf(child);
      const fits = (label: Label) => this.fits(label, child);
      const step = model.stepByName(states, name, fits);
      if (step.label) {
        if (step.states !== states) misfits = new Map();
        states = step.states;
        this.descend(child, step.label, found);
        continue;
      }
      let misfit = misfits.get(name);
      if (!misfit) {
        misfit = this.misfit(model, states, child, name, fits);
        misfits.set(name, misfit);
      }
      if (misfit.kind === 'after-missing') {
        this.violations.push({ kind: 'missing-element', element, missing: misfit.missing });
        misfits = new Map();
        states = misfit.states;
        this.descend(child, misfit.label, found);
      } else if (misfit.kind === 'unknown') {
        this.violations.push({ kind: 'unknown-element', element: child });
      } else {
        this.violations.push({ kind: 'unexpected-element', element: child, expected: misfit.expected });
        if (misfit.declared !== undefined) found.push({ element: child, type: misfit.declared });
      }
    }
    if (!model.accepts(states)) {
      const names = describeLabels(model.missing(states));
      this.violations.push({ kind: 'missing-element', element, missing: names.length ? names : describeLabels(model.labels(states)) });
    }
    return found;
  }

  /** What a child named `name` that fits none of the labels leaving `states` is: see children(). */
  private misfit(model: ContentModel, states: readonly number[], child: Element, name: string, fits: (label: Label) => boolean): Misfit {
    const missing = model.labels(states).find((l) => l.kind === 'element' && model.step(model.step(states, (m) => m === l).states, fits).label);
    if (missing?.kind === 'element') {
      const after = model.step(model.step(states, (m) => m === missing).states, fits);
      return { kind: 'after-missing', missing: [displayName(missing.name)], states: after.states, label: after.label as Label };
    }
    const declared = this.tables.elements[name];
    if (declared === undefined && SCHEMA_NAMESPACES.has(child.namespaceURI ?? '')) return { kind: 'unknown' };
    return { kind: 'unexpected', expected: describeLabels(model.labels(states)), declared };
  }

  private fits(label: Label, child: Element): boolean {
    return label.kind === 'element' ? label.name === nameOf(child) : inNamespaces(label.wildcard, child.namespaceURI ?? '');
  }

  /** A child that fitted: checked against its declaration; one a wildcard let in only when samlint knows it (lax). */
  private descend(child: Element, label: Label, found: { element: Element; type: TypeRef }[]): void {
    if (label.kind === 'element') {
      const type = label.type ?? this.tables.elements[label.name];
      if (type !== undefined) found.push({ element: child, type });
      return;
    }
    // A strict wildcard is read as lax: samlint bundles no schema for the namespaces it opens (decision 0007).
    if (label.wildcard.process === 'skip') return;
    const type = this.tables.elements[nameOf(child)];
    if (type !== undefined) found.push({ element: child, type });
  }
}

/**
 * A child that fits none of the labels leaving the states it meets: it follows a missing required
 * element (and fits after it), or it is unknown to the schemas, or unexpected here.
 */
type Misfit =
  | { kind: 'after-missing'; missing: string[]; states: number[]; label: Label }
  | { kind: 'unknown' }
  | { kind: 'unexpected'; expected: string[]; declared: TypeRef | undefined };

/** Each name once: the copies a particle's occurrences make of one element are one name to the reader. */
function describeLabels(labels: readonly Label[]): string[] {
  return [...new Set(labels.map(describeLabel))];
}

function describeLabel(label: Label): string {
  if (label.kind === 'element') return displayName(label.name);
  const { namespaces } = label.wildcard;
  if ('any' in namespaces) return 'any element';
  if ('not' in namespaces) return `an element of a namespace other than ${namespaces.not}`;
  return `an element of ${namespaces.in.join(' or ')}`;
}

function elementChildren(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) found.push(node as Element);
  return found;
}

function hasText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if ((node.nodeType === 3 || node.nodeType === 4) && /[^ \t\r\n]/.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

function hasAttribute(element: Element, name: string): boolean {
  if (!name.startsWith('{')) return element.hasAttribute(name);
  const close = name.indexOf('}');
  return element.hasAttributeNS(name.slice(1, close), name.slice(close + 1));
}
