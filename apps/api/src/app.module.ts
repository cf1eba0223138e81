import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { FeedbackModule } from './feedback/feedback.module';
import { OutboxModule } from './outbox/outbox.module';
import { CategoriesModule } from './categories/categories.module';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard';
import { RolesGuard } from './common/auth/roles.guard';
import { FixedWindowThrottlerStorage } from './common/throttling/fixed-window-throttler.storage';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { InsightModule } from './insight/insight.module';
import { OkrModule } from './okr/okr.module';
import { FellowsModule } from './fellows/fellows.module';
import { CollectorModule } from './collector/collector.module';
import { DemoModule } from './demo/demo.module';
import { MetricsModule } from './metrics/metrics.module';
import { OpdModule } from './opd/opd.module';
import { QueueModule } from './queue/queue.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { RegionsModule } from './regions/regions.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Off in tests that call jobs directly. */
  schedule?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(opts: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(opts.config),
        TypeOrmModule.forRoot(dataSourceOptions(opts.databaseUrl, opts.config.database.poolSize)),
        ...(opts.schedule === false ? [] : [ScheduleModule.forRoot()]),
        ThrottlerModule.forRoot({
          storage: new FixedWindowThrottlerStorage(),
          throttlers: [
            { name: 'login', ttl: 60_000, limit: opts.config.auth.loginRateLimitPerMinute },
            { name: 'submit', ttl: 60_000, limit: opts.config.feedback.submitRateLimitPerMinute },
          ],
        }),
        DiscoveryModule,
        AuditModule,
        QueueModule,
        MetricsModule,
        HealthModule,
        ReferenceDataModule,
        RegionsModule,
        OpdModule,
        CategoriesModule,
        AuthModule,
        UsersModule,
        CryptoModule,
        IdempotencyModule,
        OutboxModule,
        FeedbackModule,
        InsightModule,
        OkrModule,
        FellowsModule,
        CollectorModule,
        AnalyticsModule,
        ReportsModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
