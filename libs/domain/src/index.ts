/**
 * Pure domain code (no I/O): safe for workflow code. The mainland calendar data and the deadline CLI
 * are imported by file path where needed, so they never enter the workflow bundle.
 */
export * from './errors';
export * from './clock';
export * from './policy';
export * from './org';
export * from './case';
export * from './schedule';
export * from './intake';
