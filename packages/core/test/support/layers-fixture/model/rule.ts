// model/ → capture/ (a type-only import counts), and a cycle with capture/decode.ts.
import type { Capture } from '../capture/decode.js';
// A library's types are allowed in model/; its code is not.
import type { Node } from 'jsonc-parser';
import { parseTree } from 'jsonc-parser';

export type Rule = { check(capture: Capture, node: Node): void };
export const parse = parseTree;
