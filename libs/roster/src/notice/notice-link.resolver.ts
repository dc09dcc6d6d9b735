import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { APP_CONFIG, type AppConfig, Ctx, type RequestContext } from '@app/shared';
import { RosterWorkflowService } from '../roster-workflow/roster-workflow.service.js';
import { noticeQrSvg, noticeUrl } from './notice-link.js';

/** The notice page's link and its QR code on the batch, for those who may see the list's token. */
@Resolver(() => Batch)
export class NoticeLinkResolver {
  constructor(
    private readonly workflow: RosterWorkflowService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "The notice page's full address while posted (PUBLIC_URL/notice/<token>), to pin on a board or send to a group chat; shown to the union and the admin only.",
  })
  async rosterNoticeUrl(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    const token = await this.workflow.tokenFor(ctx, batch);
    return token ? noticeUrl(this.config.publicUrl, token) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'A QR code of rosterNoticeUrl as an SVG document (also as PNG at <rosterNoticeUrl>/qr.png); shown to the same people.' })
  async rosterNoticeQrSvg(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    const token = await this.workflow.tokenFor(ctx, batch);
    return token ? noticeQrSvg(noticeUrl(this.config.publicUrl, token)) : null;
  }
}
