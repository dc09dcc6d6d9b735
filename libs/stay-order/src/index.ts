import { StayMessage } from './message/stay-message.entity.js';
import { StayQuote, StayQuoteEvent } from './quote/stay-quote.entity.js';
import { StayRequest, StayRequestBase, StayRequestEvent } from './request/stay-request.entity.js';

export { StayOrderModule } from './stay-order.module.js';
export { StayRequest, StayRequestBase, StayRequestDecline, StayRequestEvent } from './request/stay-request.entity.js';
export { StayRequestStatus } from './request/stay-request-status.js';
export { StayQuote, StayQuoteEvent } from './quote/stay-quote.entity.js';
export { StayQuoteStatus } from './quote/stay-quote-status.js';
export { StayMessage, StayMessageSide } from './message/stay-message.entity.js';
export { StayRequestService } from './request/stay-request.service.js';
export { StayQuoteService } from './quote/stay-quote.service.js';
export { StayAcceptanceService } from './quote/stay-acceptance.service.js';
export { StayMessageService } from './message/stay-message.service.js';
export { StayOrderSweeper } from './sweep/stay-order-sweeper.service.js';
export type { SendStayRequestInput } from './request/send-stay-request.input.js';
export type { SendStayQuoteInput } from './quote/send-stay-quote.input.js';

/** The tables this module owns. */
export const STAY_ORDER_ENTITIES = [StayRequest, StayRequestBase, StayRequestEvent, StayQuote, StayQuoteEvent, StayMessage];
