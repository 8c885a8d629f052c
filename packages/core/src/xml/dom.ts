
export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
} as const;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Whether a document is SAML metadata (an entity or a group of entities) rather than a message. */
export function isMetadataRoot(root: Element): boolean {
  return root.namespaceURI === NS.md && (root.localName === 'EntityDescriptor' || root.localName === 'EntitiesDescriptor');
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

/** Direct element children, optionally only those with this namespace and local name. */
export function childElements(parent: Element, namespace?: string, localName?: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (!isElement(node)) continue;
    if (namespace !== undefined && node.namespaceURI !== namespace) continue;
    if (localName !== undefined && node.localName !== localName) continue;
    found.push(node);
  }
  return found;
}

export function firstChild(parent: Element, namespace: string, localName: string): Element | undefined {
  return childElements(parent, namespace, localName)[0];
}

/**
 * Every descendant element with this namespace and local name (`*` for any), in document order: what
 * getElementsByTagNameNS finds, by a plain walk along the tree's links. xmldom's live list costs a
 * closure call and an object per node, several times the walk.
 */
export function descendants(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = nextInDocument(parent, parent); node; node = nextInDocument(node, parent)) {
    if (!isElement(node)) continue;
    if ((namespace === '*' || node.namespaceURI === namespace) && (localName === '*' || node.localName === localName)) found.push(node);
  }
  return found;
}

/** The node after `node` in document order without leaving `root`'s subtree; undefined past its end. */
function nextInDocument(node: Node, root: Node): Node | undefined {
  if (node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return undefined;
}

/** The attribute's value, or undefined when the attribute is absent (an empty value stays ""). */
export function attribute(element: Element, name: string): string | undefined {
  // One lookup: hasAttribute and getAttribute would each search the attributes.
  const node = element.getAttributeNode(name);
  return node ? (node.value ?? '') : undefined;
}

/**
 * The full text content. Rules read this, never the first text node, so a comment or CDATA split
 * inside a value (the CVE-2017-11428 family) cannot make samlint read less than the whole value.
 * A value that is one text node, the usual case, is read directly; otherwise a plain walk (xmldom's
 * textContent recurses with an object per node, and a hostile value nests thousands of elements).
 */
export function textOf(element: Element): string {
  const only = element.firstChild;
  if (!only) return '';
  if (!only.nextSibling && (only.nodeType === TEXT_NODE || only.nodeType === CDATA_SECTION_NODE)) return only.nodeValue ?? '';
  const pieces: string[] = [];
  for (let node = nextInDocument(element, element); node; node = nextInDocument(node, element)) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) pieces.push(node.nodeValue ?? '');
  }
  return pieces.join('');
}
