import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComponentState, HealthReport } from '@ogh/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/access.decorator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobQueueService } from '../queue/job-queue.service';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueueService,
  ) {}

  /** 200 when the database answers; 503 (with Retry-After) when it does not. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthReport> {
    const [database, redis] = await Promise.all([this.database(), this.redis()]);
    const ok = database === 'up' && redis !== 'down';
    if (!ok) void res.status(503).header('Retry-After', '5');
    return {
      status: ok ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      database,
      redis,
      queueMode: this.queue.mode,
    };
  }

  private async database(): Promise<ComponentState> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async redis(): Promise<ComponentState> {
    if (!this.config.redis.url) return 'not_configured';
    return (await this.queue.redisReachable()) ? 'up' : 'down';
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
