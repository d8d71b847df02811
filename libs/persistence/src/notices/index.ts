export * from './notice-events';
export * from './notice-snapshot';
export * from './notice-issuing';
export * from './notice-templates';
export * from './notice-records';
export * from './notice-rendering';
