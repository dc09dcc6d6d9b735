import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Public } from '@app/shared';
import type { Request, Response } from 'express';
import { metricsAccess } from './metrics-access.js';
import { Metrics } from './metrics.js';
import { isClusterWorker, metricsOfAllWorkers } from './cluster-metrics.js';

/** Prometheus's text format, for a scraper; who may read it is metricsAccess's rule. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  // Not a user's token: the metrics token is checked here, so the sign-in guard lets it through.
  @Public()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const access = metricsAccess(this.config.production, this.config.metricsToken, req.headers.authorization);
    if (!access.open) {
      if (access.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(access.status).json({ error: { code: access.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: access.reason } });
      return;
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    // With WORKERS: every worker's counts together, whichever worker this scrape reached.
    res.send(isClusterWorker() ? await metricsOfAllWorkers() : await this.metrics.registry.metrics());
  }
}
