export type Environment = { region?: string };
