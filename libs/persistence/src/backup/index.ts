export * from './backup-manifest';
export * from './passphrase';
export * from './postgres-client-tools';
export * from './sealed-archive';
export * from './sqlite-copy';
export * from './write-pause';
