import { buildThread, type FlatComment } from './build-thread';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const comment = (id: string, parentId: string | null, s: number): FlatComment => ({
  id,
  parentId,
  authorName: id,
  authorUrl: null,
  content: `content ${id}`,
  createdAt: at(s),
});

describe(buildThread.name, () => {
  it('nests replies under their parents, oldest first at every level', () => {
    const thread = buildThread('default', 'a1', [
      comment('a', null, 1),
      comment('b', null, 2),
      comment('a1', 'a', 3),
      comment('a2', 'a', 4),
      comment('a1x', 'a1', 5),
    ]);
    expect(thread.count).toBe(5);
    expect(thread.comments.map((c) => c.id)).toEqual(['a', 'b']);
    expect(thread.comments[0].replies.map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(thread.comments[0].replies[0].replies.map((c) => c.id)).toEqual(['a1x']);
    expect(thread.comments[1].replies).toEqual([]);
    expect(thread.comments[0].createdAt).toBe('2026-01-01T00:00:01.000Z');
  });

  it('shows a reply whose parent is not published at the top level', () => {
    const thread = buildThread('default', 'a1', [comment('orphan', 'missing', 1)]);
    expect(thread.comments.map((c) => c.id)).toEqual(['orphan']);
  });
});
