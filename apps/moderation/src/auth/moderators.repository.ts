import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from './actor';

interface ModeratorRow {
  id: string;
  name: string;
  role: 'moderator' | 'admin';
  sites: string[];
}

@Injectable()
export class ModeratorsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findByTokenHash(tokenHash: string): Promise<Actor | null> {
    const [row] = await this.db.query<ModeratorRow[]>(
      'SELECT id, name, role, sites FROM moderation.moderators WHERE token_hash = $1',
      [tokenHash],
    );
    return row ? { id: row.id, name: row.name, role: row.role, sites: row.sites } : null;
  }

  async create(m: {
    id: string;
    name: string;
    email: string;
    role: string;
    sites: string[];
    tokenHash: string;
  }) {
    await this.db.query(
      `INSERT INTO moderation.moderators (id, name, email, role, sites, token_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
      [m.id, m.name, m.email, m.role, m.sites, m.tokenHash],
    );
  }
}
