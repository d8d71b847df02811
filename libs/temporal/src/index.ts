export * from './binaries';
export * from './dev-server';
export * from './managed-process';
export * from './search-attributes';
export * from './search-attribute-registration';
export * from './connection';
export * from './time-skipping-server';
export * from './runtime-logging';
