import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HoldSweeperService } from '@app/booking';
import { AgreementService } from './agreement.service.js';

/** Agreements past their last day expire on the sweep that already expires holds and releases allotments. */
@Injectable()
export class AgreementSweeper implements OnModuleInit {
  constructor(
    private readonly sweeper: HoldSweeperService,
    private readonly agreements: AgreementService,
  ) {}

  onModuleInit(): void {
    this.sweeper.also('expired agreements', (now) => this.agreements.expireDue(now));
  }
}
