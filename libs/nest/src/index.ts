export * from './config.module';
export * from './database.module';
export * from './temporal-client.module';
export * from './personal-data.module';
export * from './notice-renderer.module';
export * from './logging.module';
