export * from './roles';
export * from './permissions';
export * from './principal';
export * from './units';
export * from './bodies';
export * from './directory';
export * from './escalation-recipients';
