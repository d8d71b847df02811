export * from './data-converter';
export * from './encryption-codec';
export * from './key-ring';
export * from './key-ring-file-follower';
export * from './test-key-ring';
export * from './workflow-bundle';
