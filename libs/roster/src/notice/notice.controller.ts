import { Controller, Get, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig, Ctx, Public, type RequestContext } from '@app/shared';
import { RosterWorkflowService } from '../roster-workflow/roster-workflow.service.js';
import { noticeQrPng, noticeUrl } from './notice-link.js';
import { renderNoticeGone, renderNoticePage } from './notice-page.js';

/** What every answer under /notice carries: nothing loaded from elsewhere, no script, not indexed, not kept. */
const NOTICE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function gone(res: Response): string {
  res.status(404).type('html');
  return renderNoticeGone();
}

/**
 * The public notice (公示) as a page anyone can open from the link a union pins or sends: no account,
 * no script; it dies with the link (an objection, a cancelled batch) like publishedRoster(token).
 */
@Controller('notice')
export class NoticeController {
  constructor(
    private readonly workflow: RosterWorkflowService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @Public()
  async page(@Ctx() ctx: RequestContext, @Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    res.set(NOTICE_HEADERS);
    const notice = await this.workflow.findPublished(ctx, token);
    if (!notice) return gone(res);
    res.type('html');
    return renderNoticePage(notice);
  }

  @Get(':token/qr.png')
  @Public()
  async qr(@Ctx() ctx: RequestContext, @Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile | string> {
    res.set(NOTICE_HEADERS);
    if (!(await this.workflow.findPublished(ctx, token))) return gone(res);
    return new StreamableFile(await noticeQrPng(noticeUrl(this.config.publicUrl, token)), { type: 'image/png' });
  }
}
