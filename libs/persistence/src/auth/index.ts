export * from './password-hash';
export * from './rate-limits';
export * from './initial-administrator';
