import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UserService } from '@app/auth';
import { BaseService } from '@app/base';
import { APP_CONFIG, type AppConfig, RequestContext } from '@app/shared';
import { DemoDataService } from './demo-data.service.js';

/** On an empty database: the demo data (when configured), then the first admin account. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserService,
    private readonly bases: BaseService,
    private readonly demo: DemoDataService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ctx = RequestContext.system();
    await this.users.ensureAdmin(ctx, this.config.adminPassword);
    if (this.config.demoData && (await this.bases.list(ctx)).length === 0) {
      await this.demo.load(ctx);
      this.logger.log('loaded the demo data (7 Yunfu bases and 3 partner bases, 10 unions, accounts for every role, two years of past stays, the exchange with 深圳 and 珠海)');
    }
  }
}
