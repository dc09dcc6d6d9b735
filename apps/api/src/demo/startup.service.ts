import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UserService } from '@app/auth';
import { BaseService } from '@app/base';
import { APP_CONFIG, type AppConfig, RequestContext, STARTUP_LOCK_WAIT_SECONDS, TransactionRunner, withNamedLock } from '@app/shared';
import { DemoDataService } from './demo-data.service.js';

/**
 * On an empty database: the first admin account, then the demo data (when configured). Done under
 * the database's `first data` lock, so of many processes starting together one creates them and
 * the others, after it, find them there (two found no user, both created "admin", one died on the
 * unique name; two would load the demo twice).
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserService,
    private readonly bases: BaseService,
    private readonly demo: DemoDataService,
    private readonly db: TransactionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const outcome = await withNamedLock(
      this.db.dataSource,
      'first data',
      STARTUP_LOCK_WAIT_SECONDS,
      () => this.fillEmptyDatabase(),
      () => this.logger.log('another process is preparing this database; waiting for it'),
    );
    if (!outcome.acquired) throw new Error(`another process held the first-data lock for ${STARTUP_LOCK_WAIT_SECONDS} s`);
  }

  private async fillEmptyDatabase(): Promise<void> {
    const ctx = RequestContext.system();
    await this.users.ensureAdmin(ctx, this.config.adminPassword);
    if (this.config.demoData && (await this.bases.list(ctx)).length === 0) {
      await this.demo.load(ctx);
      this.logger.log('loaded the demo data (7 Yunfu bases and 3 partner bases, 10 unions, accounts for every role, two years of past stays, the exchange with 深圳 and 珠海)');
    }
  }
}
