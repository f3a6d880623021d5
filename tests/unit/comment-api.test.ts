import { commentFixtures } from '../../mocks/fixtures/comments';
import { postComment } from '../../src/features/comments/post-comment';
import type { CommentRequest } from '../../src/contract/comments';

const slug = 'putin-meets-china-defense-minister-in-moscow';
const base = `${window.location.origin}/api/articles/${slug}/comments`;

function request(overrides: Partial<CommentRequest> = {}): CommentRequest {
  return {
    comment: 'Hello',
    name: 'Ada',
    email: `ada+${crypto.randomUUID()}@example.com`,
    website: '',
    parentId: null,
    clientId: crypto.randomUUID(),
    ...overrides,
  };
}

describe('the mock comments API', () => {
  it('never sends an email address, nor a hash of one', async () => {
    const posted = await fetch(base, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request({ email: 'secret.person@example.com' })),
    });
    const listed = await fetch(`${base}?order=newest`);
    const bodies = [await posted.text(), await listed.text()];
    const emails = [...commentFixtures.map((c) => c.email), 'secret.person@example.com'];
    for (const body of bodies) {
      expect(body).not.toMatch(/@/);
      for (const email of emails) expect(body).not.toContain(email);
      expect(body).not.toMatch(/\b[0-9a-f]{32,64}\b/); // md5/sha hashes, as Gravatar uses
    }
  });

  it('pages threads with a cursor, oldest first by default and newest first on request', async () => {
    const page1 = await fetch(`${base}?limit=2`).then((r) => r.json());
    expect(
      page1.comments
        .filter((c: { parentId: string | null }) => !c.parentId)
        .map((c: { id: string }) => c.id),
    ).toEqual(['1', '4']);
    // A page carries its threads' replies.
    expect(page1.comments.map((c: { id: string }) => c.id)).toEqual(['1', '4', '2', '3']);
    const page2 = await fetch(`${base}?limit=2&cursor=${page1.nextCursor}`).then((r) => r.json());
    expect(page2.comments.map((c: { id: string }) => c.id)).toEqual(['5']);
    expect(page2.nextCursor).toBeNull();
    const newest = await fetch(`${base}?order=newest&limit=1`).then((r) => r.json());
    expect(newest.comments[0].id).toBe('5');
    expect((await fetch(`${base}?limit=0`)).status).toBe(400);
  });

  it('answers 400 with a message per field, using the shared schema', async () => {
    const response = await fetch(base, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...request(),
        comment: ' ',
        email: 'nope',
        website: 'javascript:alert(1)',
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      fieldErrors: {
        comment: 'Please type your comment text.',
        email: 'Please enter a valid email address, like name@example.com.',
        website: expect.stringMatching(/^Enter a full web address/),
      },
    });
  });

  it('recognises a resend of the same submission and stores it once', async () => {
    const same = request();
    const first = await postComment({ slug, request: same });
    const again = await postComment({ slug, request: same });
    expect(again.comment.id).toBe(first.comment.id);
    const list = await fetch(base).then((r) => r.json());
    expect(list.comments.filter((c: { id: string }) => c.id === first.comment.id)).toHaveLength(1);
  });

  it('attaches replies below the fifth level to the fifth level', async () => {
    let parentId: string | null = '3'; // comment 3 is at depth 3
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { comment } = await postComment({
        slug,
        request: request({ parentId, comment: `Deep ${i}` }),
      });
      ids.push(comment.id);
      parentId = comment.id;
    }
    const [depth4, depth5, tooDeep] = ids;
    const stored = await fetch(base).then((r) => r.json());
    const byId = (id: string | undefined) =>
      stored.comments.find((c: { id: string }) => c.id === id);
    expect(byId(depth5).parentId).toBe(depth4);
    expect(byId(tooDeep).parentId).toBe(depth4);
  });

  it('answers 404 for comments on an article that does not exist', async () => {
    const response = await fetch(`${window.location.origin}/api/articles/nope/comments`);
    expect(response.status).toBe(404);
  });
});
