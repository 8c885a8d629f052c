export const shared = 'allowed from every family';
