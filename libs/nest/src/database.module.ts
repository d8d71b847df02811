import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertChineseSearchWorks, createDataSource } from '../../persistence/src';
import { APP_CONFIG, ConfigModule } from './config.module';
import { type AppConfig } from '../../config/src';

/** The application's PostgreSQL connection (its own non-owner role), shared by every module. */
@Global()
@Module({
  imports: [ConfigModule],
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        if (!config.DATABASE_URL) {
          throw new Error(
            '配置错误 / invalid configuration: DATABASE_URL is required for this app (npm start sets it)',
          );
        }
        const dataSource = createDataSource({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
        });
        await dataSource.initialize();
        await assertChineseSearchWorks(dataSource); // refuse a database whose locale breaks Chinese search
        return dataSource;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule {}
