import { DomainError } from '@replyguard/platform';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { CommentsRepository } from '../comments.repository';
import { GetCommentStatusHandler, uuidV7Time } from './get-comment-status.handler';

function handlerWith(
  status: 'approved' | 'held' | 'rejected' | 'reported' | null,
  published = status === 'approved',
): GetCommentStatusHandler {
  const repo = {
    statusOf: () => Promise.resolve(status ? { status, published } : null),
  } as unknown as CommentsRepository;
  return new GetCommentStatusHandler(repo, { personalDataRetentionHours: 72 });
}

describe(GetCommentStatusHandler.name, () => {
  it('returns the stored status', async () => {
    const id = uuidv7();
    await expect(handlerWith('held').execute(id)).resolves.toEqual({ id, status: 'held' });
  });

  it('shows a reported comment as approved while published and as held once taken down', async () => {
    const id = uuidv7();
    await expect(handlerWith('reported', true).execute(id)).resolves.toEqual({ id, status: 'approved' });
    await expect(handlerWith('reported', false).execute(id)).resolves.toEqual({ id, status: 'held' });
  });

  it('reads an unseen, freshly minted id as pending', async () => {
    const now = Date.now();
    const id = uuidv7({ msecs: now - 2000 });
    await expect(handlerWith(null).execute(id, now)).resolves.toEqual({ id, status: 'pending' });
  });

  it('reads an unseen id as pending for as long as its submission can wait on its topic (72 h)', async () => {
    const now = Date.now();
    // Accepted an hour ago, during a moderation outage: still on its way, not unknown.
    const backlogged = uuidv7({ msecs: now - 60 * 60 * 1000 });
    await expect(handlerWith(null).execute(backlogged, now)).resolves.toEqual({
      id: backlogged,
      status: 'pending',
    });
    const nearlyGone = uuidv7({ msecs: now - 71 * 60 * 60 * 1000 });
    await expect(handlerWith(null).execute(nearlyGone, now)).resolves.toMatchObject({ status: 'pending' });
  });

  it('answers COMMENT_NOT_FOUND for an old or foreign unseen id', async () => {
    const now = Date.now();
    const old = uuidv7({ msecs: now - 73 * 60 * 60 * 1000 });
    await expect(handlerWith(null).execute(old, now)).rejects.toMatchObject({ code: 'COMMENT_NOT_FOUND' });
    await expect(handlerWith(null).execute(uuidv4(), now)).rejects.toBeInstanceOf(DomainError);
  });

  it('decodes the time of a UUIDv7', () => {
    expect(uuidV7Time(uuidv7({ msecs: 1_700_000_000_000 }))).toBe(1_700_000_000_000);
    expect(uuidV7Time(uuidv4())).toBeNull();
  });
});
