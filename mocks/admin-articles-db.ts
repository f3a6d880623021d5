import type { AdminArticle, ArticleInput, ArticleStatus } from '../src/contract/admin-articles';
import type { Article } from '../src/contract/articles';
import { articleFixtures } from './fixtures/articles';
import { mockMarkdownToBody } from './markdown-preview';

interface MockArticle {
  id: string;
  draft: boolean;
  markdown: string;
  revision: number;
  article: Article;
  /** Published from the editor: its time is honoured. The fixtures show whatever the clock says. */
  fromEditor: boolean;
}

// In memory: the fixtures, then what the editor adds. A reload starts again from the fixtures.
let articles: MockArticle[] | null = null;
function all(): MockArticle[] {
  articles ??= articleFixtures.map((article, i) => ({
    id: String(i + 1),
    draft: false,
    markdown: '',
    revision: 1,
    article,
    fromEditor: false,
  }));
  return articles;
}

const statusOf = (a: MockArticle, now: Date): ArticleStatus =>
  a.draft ? 'draft' : Date.parse(a.article.publishedAt) > now.getTime() ? 'scheduled' : 'published';

export function toAdminArticle(a: MockArticle, now = new Date()): AdminArticle {
  return {
    id: a.id,
    slug: a.article.slug,
    title: a.article.headline,
    status: statusOf(a, now),
    publishedAt: a.article.publishedAt,
    revision: a.revision,
    description: a.article.summary,
    markdown: a.markdown,
    article: a.article,
  };
}

type Outcome =
  | { ok: true; article: MockArticle }
  | { ok: false; status: 400 | 404 | 409; field?: string; message: string };

/** The mock's articles, as the server keeps them: drafts and scheduled ones hidden from readers. */
export const adminArticlesDb = {
  /** Back to the fixtures alone (tests, the mock panel's reset). */
  reset() {
    articles = null;
  },
  list: () =>
    [...all()].sort(
      (a, b) => Date.parse(b.article.publishedAt) - Date.parse(a.article.publishedAt),
    ),
  find: (id: string) => all().find((a) => a.id === id) ?? null,
  /** What readers see: published, its time come. */
  readable: (now = new Date()) =>
    all()
      .filter((a) => (a.fromEditor ? statusOf(a, now) === 'published' : !a.draft))
      .map((a) => a.article),
  async save(id: string | null, input: ArticleInput): Promise<Outcome> {
    // Read first: the checks below and the change they allow happen with no await between them.
    const body = await mockMarkdownToBody(input.markdown);
    const existing = id ? all().find((a) => a.id === id) : null;
    if (id && !existing)
      return { ok: false, status: 404, message: 'There is no article with this id.' };
    if (all().some((a) => a.article.slug === input.slug && a !== existing)) {
      return {
        ok: false,
        status: 409,
        field: 'slug',
        message: `Another article has the address ${input.slug}: choose another slug.`,
      };
    }
    if (body.length === 0) {
      return {
        ok: false,
        status: 400,
        field: 'markdown',
        message: 'Write the article’s text: it has no paragraph, heading or picture.',
      };
    }
    const article: Article = {
      ...existing?.article,
      slug: input.slug,
      headline: input.title,
      summary: input.description,
      publishedAt: existing?.article.publishedAt ?? new Date().toISOString(),
      body,
    };
    if (existing) {
      Object.assign(existing, {
        article,
        markdown: input.markdown,
        revision: existing.revision + 1,
      });
      return { ok: true, article: existing };
    }
    const created = {
      id: String(Math.max(0, ...all().map((a) => Number(a.id))) + 1),
      draft: true,
      markdown: input.markdown,
      revision: 1,
      article,
      fromEditor: true,
    };
    all().push(created);
    return { ok: true, article: created };
  },
  publish(id: string, at: string | undefined) {
    const a = all().find((x) => x.id === id);
    if (!a) return null;
    const readable = statusOf(a, new Date()) === 'published';
    const publishedAt = at ?? (readable ? a.article.publishedAt : new Date().toISOString());
    a.article = { ...a.article, publishedAt: new Date(publishedAt).toISOString() };
    a.draft = false;
    a.fromEditor = true;
    a.revision += 1;
    return a;
  },
  unpublish(id: string) {
    const a = all().find((x) => x.id === id);
    if (!a) return null;
    a.draft = true;
    a.revision += 1;
    return a;
  },
};
