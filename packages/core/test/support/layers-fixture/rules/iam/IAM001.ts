// rules/iam → another family's _shared, and its rule.
import { awsOnly } from '../aws/_shared.js';
import { AWS001 } from '../aws/AWS001.js';

export const IAM001 = [awsOnly, AWS001];
