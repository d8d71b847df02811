export * from './config';
export * from './project-root';
export * from './worker-sizing';
