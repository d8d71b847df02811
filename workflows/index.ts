export * from './petition-case.workflow';
