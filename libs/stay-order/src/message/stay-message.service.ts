import { Injectable } from '@nestjs/common';
import { Clock, DomainException, insertRow, may, Permission, type RequestContext, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { actsForUnion, visibleBases } from '../request/stay-request-access.js';
import { StayRequest } from '../request/stay-request.entity.js';
import { StayRequestStatus } from '../request/stay-request-status.js';
import { StayRequestService, toTheSecond } from '../request/stay-request.service.js';
import type { PostStayMessageInput } from './post-stay-message.input.js';
import { StayMessage, StayMessageSide } from './stay-message.entity.js';

/** The threads of a stay request: one per base it was sent to, between that base and the union. */
@Injectable()
export class StayMessageService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly requests: StayRequestService,
    private readonly clock: Clock,
  ) {}

  /** A question or an answer in one base's thread, while the request is OPEN. */
  async post(ctx: RequestContext, input: PostStayMessageInput): Promise<StayMessage> {
    const actor = ctx.requireActor();
    const text = input.text.trim();
    if (!text) throw DomainException.badInput('text', 'Write something');
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.requests.lockVisibleOrThrow(tx, input.requestId, 'requestId');
      const targets = await this.requests.baseIds(tx, request.id);
      let side: StayMessageSide;
      let baseId: number;
      if (actsForUnion(tx, request)) {
        side = StayMessageSide.UNION;
        if (input.baseId == null && targets.length > 1) throw DomainException.badInput('baseId', `Stay request ${request.id} went to ${targets.length} bases: say whose thread (baseId)`);
        baseId = input.baseId ?? targets[0];
        if (!targets.includes(baseId)) throw DomainException.badInput('baseId', `Stay request ${request.id} was not sent to base ${baseId}`);
      } else {
        side = StayMessageSide.BASE;
        const own = targets.filter((b) => may(tx, Permission.OperateBase, { baseId: b }));
        if (!own.length) throw DomainException.forbidden(`Only the union's side and the operators of the bases asked write in stay request ${request.id}'s threads`);
        baseId = input.baseId ?? own[0];
        if (!own.includes(baseId)) throw DomainException.forbidden(`You write in your own base's thread (base ${own[0]}), not base ${baseId}'s`, { field: 'baseId' });
      }
      if (request.status !== StayRequestStatus.OPEN) throw DomainException.wrongState(request.status, `Stay request ${request.id} is ${request.status}: its threads are closed`);
      const message: StayMessage = { id: 0, requestId: request.id, baseId, side, author: actor.username, authorId: actor.userId, text, at: toTheSecond(this.clock.now()) };
      const { id: _unset, ...values } = message;
      message.id = await insertRow(tx.em, StayMessage, values);
      return message;
    });
  }

  /** The messages the caller sees, oldest first: every thread for the union's side, their own base's for an operator. */
  async list(ctx: RequestContext, request: StayRequest): Promise<StayMessage[]> {
    const rows = await ctx.loadGroup(
      'stayMessages',
      request.id,
      (ids) => this.db.read(ctx, (em) => em.find(StayMessage, { where: { requestId: In(ids) }, order: { id: 'ASC' } })),
      (m) => m.requestId,
    );
    const shown = new Set(visibleBases(ctx, request, [...new Set(rows.map((m) => m.baseId))]));
    return rows.filter((m) => shown.has(m.baseId));
  }
}
