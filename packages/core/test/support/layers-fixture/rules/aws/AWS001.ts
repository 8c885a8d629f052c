import type { Rule } from '../../model/rule.js';
import { shared } from '../_shared.js';
import { awsOnly } from './_shared.js';

export const AWS001: Rule = { check: () => void [shared, awsOnly] };
