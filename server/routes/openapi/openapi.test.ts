import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { commentPageSchema, commentRequestSchema } from '../../../src/contract/comments';
import { addSamplesIfEmpty } from '../../db/samples';
import { testPasswordCost } from '../../lib/passwords';
import { addModerator } from '../auth/moderator-store';
import { moderatorAccount, moderatorBrowser } from '../../test/moderation-client';
import { testApp } from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await addSamplesIfEmpty(database.db);
});
afterAll(() => database.close());

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, object> };
}

async function served(): Promise<Document> {
  const response = await testApp(database.db).app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

describe('/api/openapi.json', () => {
  it('is OpenAPI 3.1 whose schemas are the zod contract’s own', async () => {
    const document = await served();
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.CommentPage).toEqual(
      JSON.parse(JSON.stringify(z.toJSONSchema(commentPageSchema, { target: 'draft-2020-12' }))),
    );
    expect(document.components.schemas.CommentRequest).toEqual(
      JSON.parse(
        JSON.stringify(
          z.toJSONSchema(commentRequestSchema, { io: 'input', target: 'draft-2020-12' }),
        ),
      ),
    );
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/admin/articles',
      '/api/admin/articles/preview',
      '/api/admin/articles/{id}',
      '/api/admin/articles/{id}/publish',
      '/api/admin/articles/{id}/unpublish',
      '/api/articles',
      '/api/articles/{slug}',
      '/api/articles/{slug}/comments',
      '/api/articles/{slug}/comments/{id}',
      '/api/moderation/audit',
      '/api/moderation/comments',
      '/api/moderation/comments/actions',
      '/api/moderation/comments/{id}',
      '/api/moderation/comments/{id}/reply',
      '/api/moderation/me',
      '/api/moderation/privacy/erase',
      '/api/moderation/privacy/export',
      '/api/moderation/session',
      '/api/moderation/sessions',
      '/api/moderation/settings',
    ]);
  });

  it('describes what the server really answers: live replies validate against it', async () => {
    const document = await served();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const check = (name: string, value: unknown) => {
      const schema = document.components.schemas[name];
      if (!schema) throw new Error(`No schema ${name}`);
      const validate = ajv.compile(schema);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };
    const { app } = testApp(database.db);
    const get = async (path: string) => (await app.request(path)).json() as Promise<unknown>;
    check('ArticleList', await get('/api/articles'));
    const slug = 'putin-meets-china-defense-minister-in-moscow';
    check('Article', await get(`/api/articles/${slug}`));
    check('CommentPage', await get(`/api/articles/${slug}/comments`));
    check('Error', await get('/api/articles/none'));
    check('Error', await get(`/api/articles/${slug}/comments?limit=0`));
    // The moderation API, signed in.
    await addModerator(database.db, moderatorAccount, testPasswordCost);
    const moderator = moderatorBrowser(
      testApp(database.db, { passwordCost: testPasswordCost }).app,
    );
    check('ModerationSession', await (await moderator.signIn()).json());
    check(
      'QueuePage',
      await (await moderator.get('/api/moderation/comments?status=approved')).json(),
    );
    check('ModerationSettings', await (await moderator.get('/api/moderation/settings')).json());
    check('AuditPage', await (await moderator.get('/api/moderation/audit')).json());
    check('Error', await (await moderator.get('/api/moderation/comments?page=0')).json());
    // And a reply that breaks the contract does not validate: the check can fail.
    const page = (await get(`/api/articles/${slug}/comments`)) as { total: number };
    const validate = ajv.compile(document.components.schemas.CommentPage ?? {});
    expect(validate({ ...page, total: -1 })).toBe(false);
  });
});
