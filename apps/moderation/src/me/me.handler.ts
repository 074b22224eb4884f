import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponseV1 } from '@replyguard/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';

@Injectable()
export class MeHandler {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The actor and the sites it may act on (every site, for an admin). */
  async execute(actor: Actor): Promise<MeResponseV1> {
    const sites =
      actor.role === 'admin'
        ? (await this.db.query<{ id: string }[]>('SELECT id FROM moderation.sites ORDER BY id')).map(
            (s) => s.id,
          )
        : actor.sites;
    return { id: actor.id, name: actor.name, role: actor.role, sites };
  }
}
