// Rules are added here by the AWS family.
export {};
