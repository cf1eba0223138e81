import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppModule, AppModuleOptions } from './app.module';
import { createValidationPipe } from './common/errors/validation';
import { registerBodyParsers } from './common/validation/json-body.parser';
import { PinoNestLogger, createLogger } from './common/logging/logger';
import { MetricsService } from './metrics/metrics.service';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface CreateAppOptions extends AppModuleOptions {
  logger?: Logger;
}

/** Builds the API exactly as it runs in production; the tests use this too. */
export async function createApp(opts: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = opts.logger ?? createLogger(opts.config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: opts.config.http.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: opts.config.http.trustProxy,
    // One line per request, written below, without the query string (it may carry keys).
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(opts), adapter, {
    logger: new PinoNestLogger(logger),
    // Throw instead of exiting, so main() and the tests report the cause.
    abortOnError: false,
  });
  registerBodyParsers(adapter);
  // Open311 GeoReport v2 keeps its standard paths.
  app.setGlobalPrefix('api', { exclude: [{ path: 'open311/v2/{*path}', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: [opts.config.http.portalUrl], credentials: false });

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'info';
    req.log[level]({ method: req.method, route, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    done();
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Open Governance Hub API')
      .setDescription('API of the Open Governance Hub, Kota Madiun: aspirations, policies, data and insight.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
