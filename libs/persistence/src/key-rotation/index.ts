export * from './reseal';
export * from './sealed-columns';
