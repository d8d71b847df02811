export * from './data-converter';
export * from './encryption-codec';
export * from './key-ring';
export * from './test-key-ring';
export * from './workflow-bundle';
