import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BanV1 } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { banView } from '../ban-view';
import { BansRepository } from '../bans.repository';

/**
 * Lifts a ban: later submissions are no longer matched against it. The row stays, with who lifted it and
 * when; comments it already rejected stay rejected (a moderator can approve them from the queue).
 * Lifting a lifted ban changes nothing and answers the same.
 */
@Injectable()
export class LiftBanHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bans: BansRepository,
  ) {}

  async execute(actor: Actor, id: string): Promise<BanV1> {
    const ban = await this.bans.find(this.db.manager, id);
    if (!ban) throw new DomainError('BAN_NOT_FOUND', `ban ${id} does not exist`);
    if (!canActOn(actor, ban.site_id)) throw new DomainError('FORBIDDEN', 'you may not act on this site');
    const now = new Date();
    // Lifted already: the first lift's time and moderator stay.
    const lifted = (await this.bans.lift(this.db.manager, id, actor.id, now)) ?? ban;
    return banView(lifted, now);
  }
}
