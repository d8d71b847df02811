export * from './resident-id';
export * from './masking';
