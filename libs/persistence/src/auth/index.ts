export * from './password-hash';
export * from './rate-limits';
export * from './one-time-credentials';
export * from './initial-administrator';
export * from './sessions';
export * from './login-repository';
