import { buildThread, buildThreadV2, buildThreadV3, type FlatComment } from './build-thread';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const comment = (id: string, parentId: string | null, s: number, removed = false): FlatComment => ({
  id,
  parentId,
  authorName: removed ? '' : id,
  authorUrl: null,
  content: removed ? '' : `content ${id}`,
  createdAt: at(s),
  removed,
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

describe(buildThreadV2.name, () => {
  it('keeps a removed comment as a placeholder where published replies hang below it', () => {
    const thread = buildThreadV2('default', 'a1', [
      comment('a', null, 1, true),
      comment('a1', 'a', 2),
      comment('b', null, 3, true),
      comment('b1', 'b', 4, true),
      comment('b1x', 'b1', 5),
      comment('c', null, 6, true),
      comment('c1', 'c', 7, true),
      comment('d', null, 8),
      comment('d1', 'd', 9, true),
    ]);
    expect(thread.count).toBe(3);
    // c and its removed reply have nothing published below them; d1 neither.
    expect(thread.comments.map((c) => [c.id, c.state])).toEqual([
      ['a', 'removed'],
      ['b', 'removed'],
      ['d', 'published'],
    ]);
    expect(thread.comments[0]).toMatchObject({ authorName: null, content: null, authorUrl: null });
    expect(thread.comments[0].replies.map((c) => [c.id, c.state, c.content])).toEqual([
      ['a1', 'published', 'content a1'],
    ]);
    // A removed reply between a removed parent and a published grandchild stays too.
    expect(thread.comments[1].replies.map((c) => [c.id, c.state])).toEqual([['b1', 'removed']]);
    expect(thread.comments[1].replies[0].replies.map((c) => c.id)).toEqual(['b1x']);
    expect(thread.comments[2].replies).toEqual([]);
  });

  it('nests like v1 when nothing was removed, and handles a deep chain without recursion', () => {
    const flat = Array.from({ length: 20_000 }, (_, i) =>
      comment(`c${i}`, i === 0 ? null : `c${i - 1}`, i, i < 19_999),
    );
    const thread = buildThreadV2('default', 'a1', flat);
    expect(thread.count).toBe(1);
    let node = thread.comments[0];
    let depth = 1;
    while (node.replies.length > 0) {
      node = node.replies[0];
      depth++;
    }
    expect(depth).toBe(20_000);
    expect(node.state).toBe('published');
  });
});

describe(buildThreadV3.name, () => {
  const page = (roots: FlatComment[], replies: FlatComment[], nextCursor: string | null = null) =>
    buildThreadV3('default', 'a1', { count: 42, roots, replies, nextCursor });

  it("keeps the page's order of top-level comments and nests each reply tree oldest first", () => {
    const thread = page(
      [comment('c', null, 9), comment('a', null, 1)],
      [comment('a1', 'a', 2), comment('c1', 'c', 10), comment('a1x', 'a1', 11), comment('a2', 'a', 12)],
      'next',
    );
    expect(thread).toMatchObject({ siteId: 'default', articleId: 'a1', count: 42, nextCursor: 'next' });
    expect(thread.comments.map((c) => c.id)).toEqual(['c', 'a']);
    expect(thread.comments[0].replies.map((c) => c.id)).toEqual(['c1']);
    expect(thread.comments[1].replies.map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(thread.comments[1].replies[0].replies.map((c) => c.id)).toEqual(['a1x']);
  });

  it("gives each comment v2's shape: a removed placeholder where published replies hang, none where not", () => {
    const thread = page(
      [comment('a', null, 1, true), comment('b', null, 2)],
      [comment('a1', 'a', 3, true), comment('a1x', 'a1', 4), comment('b1', 'b', 5, true)],
    );
    expect(thread.comments[0]).toEqual({
      id: 'a',
      parentId: null,
      state: 'removed',
      authorName: null,
      authorUrl: null,
      content: null,
      createdAt: '2026-01-01T00:00:01.000Z',
      replies: [
        expect.objectContaining({
          id: 'a1',
          state: 'removed',
          replies: [expect.objectContaining({ id: 'a1x' })],
        }),
      ],
    });
    // b's only reply was taken down and has nothing below it: left out, as v2 leaves it out.
    expect(thread.comments[1]).toMatchObject({ id: 'b', state: 'published', replies: [] });
    expect(thread.nextCursor).toBeNull();
  });

  it("adds up, page by page, to thread v2's comments", () => {
    const flat = [
      comment('a', null, 1),
      comment('orphan', 'never-published', 2),
      comment('a1', 'a', 3),
      comment('b', null, 4, true),
      comment('b1', 'b', 5),
      comment('a1x', 'a1', 6),
      comment('c', null, 7),
    ];
    const v2 = buildThreadV2('default', 'a1', flat);
    const ids = new Set(flat.map((c) => c.id));
    const roots = flat.filter((c) => !c.parentId || !ids.has(c.parentId));
    const repliesOf = (rootIds: string[]) => {
      const below = new Set(rootIds);
      // flat is oldest first, so a parent is always seen before its replies.
      return flat.filter((c) => c.parentId && below.has(c.parentId) && below.add(c.id));
    };
    const pages = [roots.slice(0, 2), roots.slice(2)].map((r) => page(r, repliesOf(r.map((c) => c.id))));
    expect(pages.flatMap((p) => p.comments)).toEqual(v2.comments);
  });
});
