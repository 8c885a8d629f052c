import { isElement } from '../xml/dom.js';

// Canonical XML over samlint's own DOM (docs/decisions/0002-own-verifier.md): the bytes a digest or a
// SignatureValue is computed over, for the three canonicalisations IdPs use. Written for this tree
// rather than borrowed from xml-crypto because the enveloped Signature must be left out without
// cloning the document, C14N 1.1 must be known, and processing instructions must render as such.

/** How a canonicalisation algorithm renders a subtree. */
export interface CanonicalizationMethod {
  uri: string;
  exclusive: boolean;
  /** Whether comments are rendered (a same-document `#ID` reference drops them whatever this says). */
  withComments: boolean;
  /** C14N 1.1 inherits only xml:lang and xml:space into the apex, not xml:id (C14N 1.1 §2.4). */
  version: '1.0' | '1.1';
}

export const C14N_METHODS: readonly CanonicalizationMethod[] = [
  { uri: 'http://www.w3.org/2001/10/xml-exc-c14n#', exclusive: true, withComments: false, version: '1.0' },
  { uri: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments', exclusive: true, withComments: true, version: '1.0' },
  { uri: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315', exclusive: false, withComments: false, version: '1.0' },
  { uri: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments', exclusive: false, withComments: true, version: '1.0' },
  { uri: 'http://www.w3.org/2006/12/xml-c14n11', exclusive: false, withComments: false, version: '1.1' },
  { uri: 'http://www.w3.org/2006/12/xml-c14n11#WithComments', exclusive: false, withComments: true, version: '1.1' },
];

export function canonicalizationMethod(uri: string | undefined): CanonicalizationMethod | undefined {
  return C14N_METHODS.find((method) => method.uri === uri);
}

export interface CanonicalizeOptions {
  method: CanonicalizationMethod;
  /** Exclusive C14N's InclusiveNamespaces PrefixList (`#default` is the default namespace). */
  inclusivePrefixes?: readonly string[];
  /** A subtree left out of the output: the Signature an enveloped-signature transform removes. */
  exclude?: Node;
  /** Render comments: the method's choice for SignedInfo, never for a same-document reference. */
  comments: boolean;
}

export type Canonical = { ok: true; text: string } | { ok: false; problem: string };

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

/** Prefix ('' for the default namespace) to namespace URI ('' when the default is undeclared). */
type Bindings = ReadonlyMap<string, string>;
type Declaration = [prefix: string, uri: string];

/** The canonical form of `apex` and its descendants (a document subset whose apex has no output parent). */
export function canonicalize(apex: Element, options: CanonicalizeOptions): Canonical {
  const inherited = inheritedXmlAttributes(apex, options.method);
  if (typeof inherited === 'string') return { ok: false, problem: inherited };
  const inclusivePrefixes = new Set((options.inclusivePrefixes ?? []).map((p) => (p === '#default' ? '' : p)));
  const writer = new Writer(options, inclusivePrefixes);
  writer.element(apex, namespacesInScope(apex.parentNode), new Map(), inherited);
  return { ok: true, text: writer.out };
}

class Writer {
  out = '';

  constructor(
    private readonly options: CanonicalizeOptions,
    private readonly inclusivePrefixes: ReadonlySet<string>,
  ) {}

  /**
   * `inScope`: the bindings of the parent; `rendered`: what the nearest output ancestor rendered (C14N
   * §2.3 / exc-C14N §3: a declaration is output only when it changes what is in effect in the output).
   * `inherited`: the xml:* attributes the apex takes from its ancestors; undefined below the apex.
   */
  element(element: Element, parentScope: Bindings, rendered: Bindings, inherited?: Attr[]): void {
    // One pass over the attributes: namespace declarations and the attributes C14N renders as such.
    // Most elements have neither: no array is made for them.
    let own: Declaration[] | undefined;
    let attributes: Attr[] = inherited ? [...inherited] : NO_ATTRIBUTES;
    const list = element.attributes;
    for (let i = 0; i < list.length; i++) {
      const attr = list[i] as Attr;
      if (attr.namespaceURI === XMLNS_NAMESPACE) (own ??= []).push([attr.prefix ? attr.localName : '', attr.value]);
      else (attributes === NO_ATTRIBUTES ? (attributes = []) : attributes).push(attr);
    }
    const inScope = own ? withDeclarations(parentScope, own) : parentScope;
    const declarations = this.options.method.exclusive
      ? this.exclusiveDeclarations(element, attributes, inScope, rendered)
      : inclusiveDeclarations(inherited !== undefined ? [...inScope] : (own ?? NO_DECLARATIONS), rendered);
    let childRendered = rendered;
    let tag = `<${element.tagName}`;
    if (declarations.length) {
      const next = new Map(rendered);
      for (const [prefix, uri] of declarations) next.set(prefix, uri);
      childRendered = next;
      if (declarations.length > 1) declarations.sort((a, b) => compareCodePoints(a[0], b[0]));
      for (const [prefix, uri] of declarations) tag += prefix ? ` xmlns:${prefix}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`;
    }
    if (attributes.length > 1) attributes.sort(compareAttributes);
    for (const attr of attributes) tag += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
    this.out += `${tag}>`;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child === this.options.exclude) continue;
      switch (child.nodeType) {
        case TEXT_NODE:
        case CDATA_SECTION_NODE:
          this.out += escapeText((child as CharacterData).data);
          break;
        case COMMENT_NODE:
          if (this.options.comments) this.out += `<!--${(child as CharacterData).data}-->`;
          break;
        case PROCESSING_INSTRUCTION_NODE: {
          const pi = child as ProcessingInstruction;
          this.out += pi.data ? `<?${pi.target} ${pi.data}?>` : `<?${pi.target}?>`;
          break;
        }
        default:
          if (isElement(child)) this.element(child, inScope, childRendered);
      }
    }
    this.out += `</${element.tagName}>`;
  }

  /**
   * Exclusive C14N renders the namespaces the element visibly uses (its own prefix, its attributes'
   * prefixes) and those of the PrefixList, each only where the output does not already have it.
   */
  private exclusiveDeclarations(element: Element, attributes: readonly Attr[], inScope: Bindings, rendered: Bindings): Declaration[] {
    // Below the apex the element's namespace is nearly always rendered already: no array then.
    let wanted = want(NO_DECLARATIONS, rendered, element.prefix ?? '', element.namespaceURI ?? '');
    for (const attr of attributes) if (attr.prefix && attr.prefix !== 'xml') wanted = want(wanted, rendered, attr.prefix, attr.namespaceURI ?? '');
    if (this.inclusivePrefixes.size) {
      for (const prefix of this.inclusivePrefixes) {
        const uri = inScope.get(prefix);
        if (uri !== undefined) wanted = want(wanted, rendered, prefix, uri);
      }
    }
    return wanted;
  }
}

// Shared empty lists: never pushed into (a new array replaces one first) nor sorted (they are empty).
// Not frozen: iterating a frozen array leaves V8's fast path and allocates an iterator.
const NO_ATTRIBUTES: Attr[] = [];
const NO_DECLARATIONS: Declaration[] = [];

/** `wanted` with the binding added when the output does not have it and it is not wanted yet (a new array the first time). */
function want(wanted: Declaration[], rendered: Bindings, prefix: string, uri: string): Declaration[] {
  if ((rendered.get(prefix) ?? '') === uri) return wanted;
  for (let i = 0; i < wanted.length; i++) if ((wanted[i] as Declaration)[0] === prefix) return wanted;
  const more = wanted === NO_DECLARATIONS ? [] : wanted;
  more.push([prefix, uri]);
  return more;
}

/** Inclusive C14N renders every namespace in scope at the apex (`candidates`), and below it each change of binding. */
function inclusiveDeclarations(candidates: readonly Declaration[], rendered: Bindings): Declaration[] {
  return candidates.filter(([prefix, uri]) => prefix !== 'xml' && (rendered.get(prefix) ?? '') !== uri);
}

function ownDeclarations(element: Element): Declaration[] {
  const declarations: Declaration[] = [];
  for (const attr of Array.from(element.attributes)) {
    if (attr.namespaceURI === XMLNS_NAMESPACE) declarations.push([attr.prefix ? attr.localName : '', attr.value]);
  }
  return declarations;
}

function withDeclarations(parentScope: Bindings, declarations: readonly Declaration[]): Bindings {
  const scope = new Map(parentScope);
  for (const [prefix, uri] of declarations) scope.set(prefix, uri);
  return scope;
}

/** The namespace bindings in effect at `node` (an element or the document), from its ancestors' declarations. */
function namespacesInScope(node: Node | null): Bindings {
  const chain: Element[] = [];
  for (let current = node; isElement(current); current = current.parentNode) chain.push(current);
  let scope: Bindings = new Map();
  for (let i = chain.length - 1; i >= 0; i--) {
    const declarations = ownDeclarations(chain[i] as Element);
    if (declarations.length) scope = withDeclarations(scope, declarations);
  }
  return scope;
}

/**
 * Inclusive C14N copies the xml:* attributes of the apex's ancestors onto the apex (C14N 1.0 §2.4);
 * 1.1 copies only xml:lang and xml:space, and joins xml:base values, which samlint does not do: such
 * a document is reported as not verifiable rather than canonicalised wrongly.
 */
function inheritedXmlAttributes(apex: Element, method: CanonicalizationMethod): Attr[] | string {
  if (method.exclusive) return [];
  const own = new Set(Array.from(apex.attributes).filter((a) => a.namespaceURI === XML_NAMESPACE).map((a) => a.localName));
  const inherited = new Map<string, Attr>();
  for (let ancestor = apex.parentNode; isElement(ancestor); ancestor = ancestor.parentNode) {
    for (const attr of Array.from(ancestor.attributes)) {
      if (attr.namespaceURI !== XML_NAMESPACE || own.has(attr.localName) || inherited.has(attr.localName)) continue;
      if (method.version === '1.1' && attr.localName === 'id') continue;
      if (method.version === '1.1' && attr.localName === 'base') return 'C14N 1.1 with an inherited xml:base is not supported';
      inherited.set(attr.localName, attr);
    }
  }
  return [...inherited.values()];
}

/** Attributes sort by namespace URI (none first), then local name (C14N §2.2), by code point. */
function compareAttributes(a: Attr, b: Attr): number {
  return compareCodePoints(a.namespaceURI ?? '', b.namespaceURI ?? '') || compareCodePoints(a.localName, b.localName);
}

/** UTF-16 order differs from code point order only when surrogates meet U+E000–U+FFFF; mend that case. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate && (x >= 0xe000 || y >= 0xe000)) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const TEXT_SPECIALS = /[&<>\r]/;
const ATTRIBUTE_SPECIALS = /[&<"\t\n\r]/;

function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIALS.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}
