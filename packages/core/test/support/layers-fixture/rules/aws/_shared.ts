export const awsOnly = 'the AWS family only';
