export { XML001 } from './XML001-not-well-formed.js';
export { XML002 } from './XML002-dtd-refused.js';
export { XML003 } from './XML003-limits-exceeded.js';
