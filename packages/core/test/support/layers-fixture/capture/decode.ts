import type { Rule } from '../model/rule.js';

export type Capture = { rules: Rule[] };
