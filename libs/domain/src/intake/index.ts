export * from './resident-id';
export * from './masking';
export * from './identity-document';
