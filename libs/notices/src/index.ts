export * from './notice-fields';
export * from './default-templates';
export * from './template-check';
export * from './notice-text';
export * from './notice-font';
export * from './notice-pdf';
