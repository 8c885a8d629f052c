// Rules are added here by the CX family.
export {};
