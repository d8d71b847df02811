export * from './data-source';
export * from './database-setup';
export * from './entities';
export * from './grants';
export * from './migrations';
export * from './event-recorder';
export * from './hash-chain';
export * from './default-units';
