export * from './admin-audit';
export * from './units-admin';
export * from './users-admin';
export * from './publications';
export * from './publications-in-force';
export * from './publication-views';
