// Terraform source (`.tf`): each `resource` block read into the values a plan would show for it
// (terraform-resource.ts), so that the mapping of each resource type is the plan's (terraform-plan.ts).
// Literals are read as Terraform evaluates them: strings with their escapes, heredocs, numbers,
// booleans, lists and objects of literals, and `jsonencode()` of those. Anything else (a variable, a
// local, another resource's attribute, a function, an interpolation) is marked as not known, with
// its text, and reported as not checked. The parser is codemirror-lang-hcl's Lezer grammar, which
// gives every node its exact offsets.
import { hclLanguage } from 'codemirror-lang-hcl';
import type { SyntaxNode, Tree } from '@lezer/common';
import type { IdpConfigFile } from '../model/idp-config.js';
import type { JsonNode } from '../model/json.js';
import { SourceText } from '../model/source-text.js';
import type { ResourceValues } from './terraform-resource.js';
import { terraformApps } from './terraform-plan.js';

/**
 * Undefined in the web page, whose build leaves the parser and CodeMirror out to stay within its size
 * budget (packages/web/build.mjs): there a `.tf` file is recognised but not read. Looked up when a file
 * is read, not when the module loads: the CLI's bundle loads the parser only then (decision 0011).
 */
const hclParser = () => (strictParser ??= (hclLanguage as typeof hclLanguage | undefined)?.parser.configure({ strict: true }));
/** Strict: a syntax error ends the parse at once (see readTerraformSource). Configured once, on first use. */
let strictParser: ReturnType<NonNullable<typeof hclLanguage>['parser']['configure']> | undefined;

/**
 * Terraform files are kilobytes, so a larger text is not read as one; the plan (`terraform show
 * -json`) has no such bound. The parser works through some 0.2 µs of CPU a character (a template's
 * text is one token per run: the grammar's tokenizer is patched, see pnpm-workspace.yaml).
 */
export const MAX_SOURCE_LENGTH = 128_000;
/** Lists and objects nested deeper than this are not literal settings: the value is not read. */
const MAX_NESTING = 32;
/** How much of an expression a finding quotes. */
const MAX_EXPRESSION_TEXT = 80;

/** A top-level block of a Terraform configuration, at the start of a line: what tells HCL from the other inputs before parsing. */
const TOP_LEVEL_BLOCK = /^[ \t]*(?:resource|data|module|provider|terraform|variable|locals|output)\b[^\n{]*\{/m;

/** Not XML (a response may hold such a line in a value), with a top-level block. */
export function mayBeTerraformSource(text: string): boolean {
  return !/^\uFEFF?\s*</.test(text) && TOP_LEVEL_BLOCK.test(text);
}

/** The SAML apps of a `.tf` file, or why it is not read. */
export function readTerraformSource(text: string): IdpConfigFile {
  const description = 'Terraform source';
  const parser = hclParser();
  if (!parser) return { description, apps: [], unread: 'this page does not read Terraform source; the samlint CLI and the editor extension do' };
  if (text.length > MAX_SOURCE_LENGTH) return { description, apps: [], unread: `${text.length} characters, over the ${MAX_SOURCE_LENGTH} read as a configuration file` };
  // Strict: a syntax error ends the parse at once. The parser's error recovery, which would place the
  // error, took seconds on long broken files (fuzz findings), and a recovered tree holds values the
  // user never wrote.
  let tree: Tree;
  try {
    tree = parser.parse(text);
  } catch {
    return { description, apps: [], unread: 'an HCL syntax error (`terraform validate` places it)' };
  }
  const reader = new BlockReader(text);
  const resources = resourceBlocks(tree.topNode, text).flatMap((block) => reader.resource(block) ?? []);
  return { description, apps: terraformApps(text, resources, 'terraform-source') };
}

function resourceBlocks(top: SyntaxNode, text: string): SyntaxNode[] {
  return top.getChildren('Body').flatMap((body) => body.getChildren('Block')).filter((block) => {
    const type = block.getChild('BlockType');
    return type && text.slice(type.from, type.to) === 'resource';
  });
}

/** The children that carry meaning: comments can sit anywhere. */
function parts(node: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') found.push(child);
  return found;
}

/** A value as a plan would show it: `value` for `after` (null where not known), `unknown` for `after_unknown`. */
interface Read {
  value: JsonNode;
  unknown: JsonNode;
}

/** The roots of traversals that are not other resources. */
const NOT_RESOURCES = new Set(['var', 'local', 'data', 'module', 'each', 'count', 'path', 'self', 'terraform']);

class BlockReader {
  private readonly unresolved = new Map<JsonNode, string>();

  constructor(private readonly text: string) {}

  private slice(node: { from: number; to: number }): string {
    return this.text.slice(node.from, node.to);
  }

  /** `resource "type" "name" { … }` as the resource a plan would list. */
  resource(block: SyntaxNode): ResourceValues | undefined {
    const labels = block.getChildren('BlockLabel');
    const [type, name] = labels.map((label) => this.label(label));
    const body = block.getChild('Body');
    if (labels.length !== 2 || !type || !name) return undefined;
    const last = labels[1] as SyntaxNode;
    const address = `${type}.${name}`;
    const read = body ? this.body(body, 0) : this.object([], block.from, block.to);
    return {
      type,
      address: { type: 'string', value: address, offset: block.from, length: last.to - block.from } as JsonNode,
      values: read.value,
      unknown: read.unknown,
      unresolved: this.unresolved,
      references: body ? this.references(body) : new Map(),
      at: address,
    };
  }

  private label(label: SyntaxNode): string | undefined {
    const string = label.getChild('StringLit');
    if (string) return this.stringValue(string);
    const identifier = label.getChild('Identifier');
    return identifier ? this.slice(identifier) : undefined;
  }

  /** A block body: its arguments, and its nested blocks as lists of objects (a plan's shape for blocks). */
  private body(body: SyntaxNode, depth: number): Read {
    const entries: Array<[string, SyntaxNode, Read]> = [];
    const blocks = new Map<string, { key: SyntaxNode; reads: Read[]; from: number; to: number }>();
    for (const item of parts(body)) {
      if (item.name === 'Attribute') {
        const key = item.getChild('Identifier');
        const expression = item.getChild('Expression');
        if (key && expression) entries.push([this.slice(key), key, this.expression(expression, depth + 1)]);
      } else if (item.name === 'Block') {
        const blockType = item.getChild('BlockType');
        if (!blockType) continue;
        let name = this.slice(blockType);
        let read: Read;
        if (name === 'dynamic') {
          // A dynamic block's content is made per element of its for_each: not literal.
          const label = item.getChild('BlockLabel');
          name = label ? (this.label(label) ?? name) : name;
          read = this.notKnown(item, `dynamic "${name}" block`);
        } else {
          const inner = item.getChild('Body');
          read = depth >= MAX_NESTING ? this.notKnown(item, `a block nested deeper than ${MAX_NESTING} levels`) : inner ? this.body(inner, depth + 1) : this.object([], item.from, item.to);
        }
        const list = blocks.get(name) ?? { key: blockType, reads: [], from: item.from, to: item.to };
        list.reads.push(read);
        list.to = item.to;
        blocks.set(name, list);
      }
    }
    for (const [name, list] of blocks) {
      // A dynamic block makes the whole list not known.
      const whole = list.reads.find((read) => read.unknown.type === 'boolean' && read.unknown.value === true);
      entries.push([name, list.key, whole ?? this.array(list.reads, list.from, list.to)]);
    }
    return this.object(entries, body.from, body.to);
  }

  private expression(node: SyntaxNode, depth: number): Read {
    if (depth > MAX_NESTING) return this.notKnown(node, `an expression nested deeper than ${MAX_NESTING} levels`);
    const inside = parts(node);
    const [first, second] = inside;
    if (inside.length === 3 && first?.name === '(' && second?.name === 'Expression') return this.expression(second, depth + 1);
    if (inside.length !== 1 || !first) return this.notKnown(node);
    switch (first.name) {
      case 'LiteralValue':
        return this.literal(first);
      case 'TemplateExpr':
        return this.template(first);
      case 'CollectionValue':
        return this.collection(first, depth);
      case 'FunctionCall':
        return this.jsonencode(first, depth) ?? this.notKnown(first);
      case 'Operation':
        return this.negative(first) ?? this.notKnown(first);
      default:
        return this.notKnown(node);
    }
  }

  private literal(node: SyntaxNode): Read {
    const literal = node.firstChild;
    if (!literal) return this.notKnown(node);
    const at = { offset: literal.from, length: literal.to - literal.from };
    switch (literal.name) {
      case 'StringLit':
        return this.known({ type: 'string', value: this.stringValue(literal), ...at } as JsonNode);
      case 'NumericLit':
        return this.known({ type: 'number', value: Number(this.slice(literal)), ...at } as JsonNode);
      case 'BoolLit':
        return this.known({ type: 'boolean', value: this.slice(literal) === 'true', ...at } as JsonNode);
      case 'NullLit':
        return this.known({ type: 'null', value: null, ...at } as JsonNode);
      default:
        return this.notKnown(node);
    }
  }

  /** A quoted string's value: HCL's escapes, and `$${`/`%%{` for a literal `${`/`%{`. */
  private stringValue(string: SyntaxNode): string {
    const body = string.getChildren('TemplateLiteral').map((chunk) => this.slice(chunk)).join('');
    return body.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))|([$%])\4\{/gs, (match, u4?: string, u8?: string, escaped?: string, doubled?: string) => {
      if (doubled) return `${doubled}{`;
      const code = u4 ?? u8;
      if (code) return Number.parseInt(code, 16) <= 0x10ffff ? String.fromCodePoint(Number.parseInt(code, 16)) : match;
      return { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[escaped ?? ''] ?? match;
    });
  }

  /** A template: a heredoc of literal text is a string; one with an interpolation or a directive is not known. */
  private template(node: SyntaxNode): Read {
    const template = node.firstChild;
    if (!template) return this.notKnown(node);
    const dynamic = parts(template).filter((part) => part.name === 'TemplateInterpolation' || part.name === 'TemplateDirective');
    if (dynamic.length) return this.notKnown(node, dynamic.map((part) => this.slice(part)).join(' '));
    if (template.name !== 'HeredocTemplate') return this.notKnown(node);
    const [opening, closing] = [template.getChild('HeredocIdentifier'), template.getChildren('HeredocIdentifier')[1]];
    const start = template.getChild('HeredocStart');
    if (!opening || !closing || !start) return this.notKnown(node);
    const raw = this.text.slice(opening.to, closing.from).replace(/^\r?\n/, '');
    let lines = raw === '' ? [] : raw.split(/\r?\n/);
    if (this.slice(start) === '<<-') {
      const indent = lines.filter((line) => line.trim()).reduce((least, line) => Math.min(least, /^[ \t]*/.exec(line)?.[0].length ?? 0), Infinity);
      if (Number.isFinite(indent)) lines = lines.map((line) => line.slice(indent));
    }
    const value = lines.map((line) => `${line}\n`).join('').replace(/([$%])\1\{/g, '$1{');
    return this.known({ type: 'string', value, offset: node.from, length: node.to - node.from } as JsonNode);
  }

  private collection(node: SyntaxNode, depth: number): Read {
    const collection = node.firstChild;
    if (collection?.name === 'Tuple') {
      return this.array(collection.getChildren('Expression').map((item) => this.expression(item, depth + 1)), collection.from, collection.to);
    }
    if (collection?.name !== 'Object') return this.notKnown(node);
    const entries: Array<[string, SyntaxNode, Read]> = [];
    for (const element of collection.getChildren('ObjectElem')) {
      const key = element.getChild('ObjectKey');
      const value = element.getChild('Expression');
      const name = key ? this.objectKey(key) : undefined;
      // A key computed from an expression makes the object's shape unknown.
      if (!key || !value || name === undefined) return this.notKnown(node);
      entries.push([name, key, this.expression(value, depth + 1)]);
    }
    return this.object(entries, collection.from, collection.to);
  }

  /** `name = …` or `"name" = …`; a key in parentheses or any other expression is computed. */
  private objectKey(key: SyntaxNode): string | undefined {
    const inside = parts(key.getChild('Expression') ?? key);
    const [only] = inside;
    if (inside.length !== 1 || !only) return undefined;
    if (only.name === 'VariableExpr' && parts(only).length === 1) return this.slice(only);
    const string = only.name === 'LiteralValue' ? only.getChild('StringLit') : null;
    return string ? this.stringValue(string) : undefined;
  }

  /** `jsonencode(<literal>)`, as the JSON text Terraform would write (Okta `app_settings_json`). */
  private jsonencode(call: SyntaxNode, depth: number): Read | undefined {
    const name = call.getChild('FunctionName');
    const args = call.getChild('FunctionArguments');
    const [argument, ...more] = args ? parts(args) : [];
    if (call.getChild('FunctionNamespace') || !name || this.slice(name) !== 'jsonencode' || argument?.name !== 'Expression' || more.length) return undefined;
    const read = this.expression(argument, depth + 1);
    if (containsUnknown(read.unknown)) return undefined;
    return this.known({ type: 'string', value: JSON.stringify(plain(read.value)), offset: call.from, length: call.to - call.from } as JsonNode);
  }

  /** `-1`: a negative number is an operation in HCL's grammar. */
  private negative(operation: SyntaxNode): Read | undefined {
    const unary = operation.getChild('UnaryOperation');
    const number = unary?.getChild('LiteralValue')?.getChild('NumericLit');
    if (!unary || !number || this.slice(unary.getChild('ArithOp') ?? unary) !== '-') return undefined;
    return this.known({ type: 'number', value: -Number(this.slice(number)), offset: operation.from, length: operation.to - operation.from } as JsonNode);
  }

  private known(value: JsonNode): Read {
    return { value, unknown: { type: 'boolean', value: false, offset: value.offset, length: value.length } as JsonNode };
  }

  /** A value samlint does not evaluate: null in the values, `true` in the unknowns, named by its text. */
  private notKnown(node: { from: number; to: number }, expression = this.slice(node)): Read {
    const at = { offset: node.from, length: node.to - node.from };
    const unknown = { type: 'boolean', value: true, ...at } as JsonNode;
    const text = expression.replace(/\s+/g, ' ').trim();
    this.unresolved.set(unknown, text.length > MAX_EXPRESSION_TEXT ? `${text.slice(0, MAX_EXPRESSION_TEXT - 1)}…` : text);
    return { value: { type: 'null', value: null, ...at } as JsonNode, unknown };
  }

  private object(entries: Array<[string, SyntaxNode, Read]>, from: number, to: number): Read {
    const at = { offset: from, length: to - from };
    const pair = (name: string, key: SyntaxNode, node: JsonNode) =>
      ({ type: 'property', offset: key.from, length: node.offset + node.length - key.from, children: [{ type: 'string', value: name, offset: key.from, length: key.to - key.from }, node] }) as JsonNode;
    return {
      value: { type: 'object', ...at, children: entries.map(([name, key, read]) => pair(name, key, read.value)) } as JsonNode,
      unknown: { type: 'object', ...at, children: entries.map(([name, key, read]) => pair(name, key, read.unknown)) } as JsonNode,
    };
  }

  private array(reads: Read[], from: number, to: number): Read {
    const at = { offset: from, length: to - from };
    return {
      value: { type: 'array', ...at, children: reads.map((read) => read.value) } as JsonNode,
      unknown: { type: 'array', ...at, children: reads.map((read) => read.unknown) } as JsonNode,
    };
  }

  /** The resources each argument refers to: `keycloak_saml_client.aws.id` → `keycloak_saml_client.aws`. */
  private references(body: SyntaxNode): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const attribute of body.getChildren('Attribute')) {
      const key = attribute.getChild('Identifier');
      const expression = attribute.getChild('Expression');
      if (!key || !expression) continue;
      const refs: string[] = [];
      // Every node inside the expression, in document order: a cursor does not recurse.
      const cursor = expression.cursor();
      while (cursor.next() && cursor.from < expression.to) {
        if (cursor.name !== 'VariableExpr') continue;
        const root = this.slice(cursor);
        const attr = cursor.node.nextSibling;
        const name = attr?.name === 'GetAttr' ? attr.getChild('Identifier') : null;
        if (!NOT_RESOURCES.has(root) && name) refs.push(`${root}.${this.slice(name)}`);
      }
      if (refs.length) found.set(this.slice(key), refs);
    }
    return found;
  }
}

function containsUnknown(unknown: JsonNode): boolean {
  if (unknown.type === 'boolean') return unknown.value === true;
  return (unknown.children ?? []).some((child) => containsUnknown(child.type === 'property' ? (child.children?.[1] ?? child) : child));
}

/** A read value as plain data, for `jsonencode`. */
function plain(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(plain);
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map((pair) => [String(pair.children?.[0]?.value), plain(pair.children?.[1] as JsonNode)]));
  return node.value;
}
