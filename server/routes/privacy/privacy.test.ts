import { eq, sql } from 'drizzle-orm';
import { privacyExportSchema } from '../../../src/contract/moderation';
import { comments, moderationAudit } from '../../db/schema';
import { testPasswordCost } from '../../lib/passwords';
import { addTestModerator, loose, moderatorBrowser } from '../../test/moderation-client';
import { addTestArticle, jsonRequest, testApp, testSlug } from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';

let database: TestDatabase;
let clock: Date;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestArticle(database.db);
  await addTestModerator(database.db);
  clock = new Date('2026-12-01T10:00:00Z');
});

const commentsPath = `/api/articles/${testSlug}/comments`;
const person = 'Erin.Private@example.com';

async function setup() {
  const { app } = testApp(database.db, { now: () => clock, passwordCost: testPasswordCost });
  const moderator = moderatorBrowser(app);
  await moderator.signIn();
  async function post(fields: Record<string, unknown>) {
    clock = new Date(clock.getTime() + 60_000);
    const response = loose(
      await app.request(
        commentsPath,
        jsonRequest('POST', {
          comment: `Words ${Math.random()}`,
          name: 'Erin',
          email: person,
          website: 'https://erin.example',
          parentId: null,
          clientId: crypto.randomUUID(),
          ...fields,
        }),
      ),
    );
    expect(response.status).toBe(201);
    return (await response.json()).comment.id as string;
  }
  return { app, moderator, post };
}

describe('privacy requests', () => {
  it('exports every comment under an address, in any case, and logs it without the address', async () => {
    const { moderator, post } = await setup();
    const a = await post({});
    const b = await post({ comment: 'Held https://a.example https://b.example' });
    await post({ email: 'someone.else@example.com' });
    const response = await moderator.send('POST', '/api/moderation/privacy/export', {
      email: 'erin.private@EXAMPLE.com',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = privacyExportSchema.parse(await response.json());
    expect(body.comments.map((c) => [c.id, c.status])).toEqual([
      [a, 'approved'],
      [b, 'pending'],
    ]);
    const log = await database.db.select().from(moderationAudit);
    expect(log.map((e) => [e.action, e.detail])).toEqual([
      ['export', 'Exported 2 comments by one email address'],
    ]);
  });

  it('erases a person: their comments become empty placeholders, their address is gone', async () => {
    const { moderator, post, app } = await setup();
    const a = await post({});
    const other = await post({
      email: 'other@example.com',
      parentId: a,
      name: 'Other',
      website: '',
    });
    const response = await moderator.send('POST', '/api/moderation/privacy/erase', {
      email: person,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ erased: 1 });
    const left = await database.db
      .select()
      .from(comments)
      .where(sql`lower(${comments.email}) = lower(${person})`);
    expect(left).toEqual([]);
    const [placeholder] = await database.db
      .select()
      .from(comments)
      .where(eq(comments.id, Number(a)));
    expect(placeholder).toMatchObject({
      status: 'deleted',
      author: '',
      email: '',
      website: null,
      content: '',
      ip: null,
    });
    const page = await loose(await app.request(commentsPath)).json();
    expect(page.comments.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [a, 'deleted'],
      [other, 'approved'],
    ]);
    expect(page.total).toBe(1);
    expect(JSON.stringify(page)).not.toMatch(/Erin|erin/);
    const log = await (await moderator.get('/api/moderation/audit')).json();
    expect(log.entries[0]).toMatchObject({
      action: 'erase',
      detail: 'Anonymised 1 comments by one email address',
    });
    expect(JSON.stringify(log)).not.toMatch(/erin/i);
  });

  it('deletes a person’s comments, keeping a placeholder only where others replied', async () => {
    const { moderator, post } = await setup();
    const lone = await post({});
    const answered = await post({});
    await post({ email: 'other@example.com', parentId: answered, name: 'Other' });
    const response = await moderator.send('POST', '/api/moderation/privacy/erase', {
      email: person,
      mode: 'delete',
    });
    expect(await response.json()).toEqual({ erased: 2 });
    const rows = await database.db
      .select({ id: comments.id, status: comments.status })
      .from(comments);
    expect(rows.map((r) => String(r.id))).not.toContain(lone);
    expect(rows.find((r) => String(r.id) === answered)?.status).toBe('deleted');
  });

  it('names the field of a missing address', async () => {
    const { moderator } = await setup();
    const response = await moderator.send('POST', '/api/moderation/privacy/erase', { email: '' });
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fieldErrors)).toEqual(['email']);
  });
});
