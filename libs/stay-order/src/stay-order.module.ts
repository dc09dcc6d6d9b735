import { Module } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BookingModule } from '@app/booking';
import { StayMessageResolver } from './message/stay-message.resolver.js';
import { StayMessageService } from './message/stay-message.service.js';
import { StayAcceptanceService } from './quote/stay-acceptance.service.js';
import { StayQuoteResolver, StayRequestQuotesResolver } from './quote/stay-quote.resolver.js';
import { StayQuoteService } from './quote/stay-quote.service.js';
import { StayRequestClosingService } from './quote/stay-request-closing.service.js';
import { StayRequestResolver } from './request/stay-request.resolver.js';
import { StayRequestService } from './request/stay-request.service.js';
import { StayOrderSweeper } from './sweep/stay-order-sweeper.service.js';

/** Stays made to order (订单式、定制式): requests to bases, their quotes and threads, acceptance into a private package and a batch. */
@Module({
  imports: [BaseModule, BookingModule],
  providers: [
    StayRequestService,
    StayQuoteService,
    StayAcceptanceService,
    StayRequestClosingService,
    StayMessageService,
    StayOrderSweeper,
    StayRequestResolver,
    StayQuoteResolver,
    StayRequestQuotesResolver,
    StayMessageResolver,
  ],
  exports: [StayRequestService, StayQuoteService, StayAcceptanceService, StayMessageService],
})
export class StayOrderModule {}
