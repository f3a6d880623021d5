// The converters on real exports from other projects' test suites (tests/fixtures/imports),
// and on small documents written here for what those do not show.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ArticleBlock } from '../../src/contract/articles';
import { fileBytes, stringBytes, urlBytes } from './byte-source';
import { readDisqus } from './disqus';
import { readFeed } from './feed';
import { htmlToBody } from './html-to-body';
import { ImportFormatError } from './import-error';
import type { ImportRecord } from './import-records';
import { markdownArticle, readMarkdownFolder } from './markdown';
import { importFixtures } from './test-fixtures';
import { readWxr } from './wxr';

const fixtures = importFixtures;
const readers = {
  wxr: (path: string) => readWxr(fileBytes(path), path),
  disqus: (path: string) => readDisqus(fileBytes(path), path),
  feeds: (path: string) => readFeed(fileBytes(path), path),
};

async function collect(records: AsyncIterable<ImportRecord>) {
  const all: ImportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}
const articlesOf = (records: ImportRecord[]) =>
  records.flatMap((r) => (r.kind === 'article' ? [r.article] : []));
const commentsOf = (records: ImportRecord[]) =>
  records.flatMap((r) => (r.kind === 'comment' ? [r] : []));
const skips = (records: ImportRecord[]) =>
  records.flatMap((r) => (r.kind === 'skip' ? [r.reason] : []));

describe('every fixture either imports or is refused with a clear error', () => {
  for (const folder of ['wxr', 'disqus', 'feeds'] as const) {
    const files = readdirSync(join(fixtures, folder)).filter((f) => f.endsWith('.xml'));
    it(`${folder}: ${files.length} files`, async () => {
      const outcomes: Record<string, string> = {};
      for (const file of files) {
        try {
          const records = await collect(readers[folder](join(fixtures, folder, file)));
          outcomes[file] = `read ${records.length}`;
        } catch (error) {
          // Refused: by our own error, naming the file, never a crash from deep inside.
          expect(error, file).toBeInstanceOf(ImportFormatError);
          expect((error as Error).message).toContain(file);
          outcomes[file] = 'refused';
        }
      }
      expect(Object.keys(outcomes)).toHaveLength(files.length);
    });
  }

  it('refuses the files that are broken on purpose, naming the line', async () => {
    const refused = async (folder: 'wxr' | 'disqus' | 'feeds', file: string) => {
      const error = await collect(readers[folder](join(fixtures, folder, file))).then(
        () => null,
        (e: unknown) => e as Error,
      );
      return error?.message ?? 'imported';
    };
    expect(await refused('wxr', 'wordpress-importer__malformed.xml')).toMatch(
      /not well-formed XML: .*:90:10: unexpected close tag/,
    );
    expect(await refused('wxr', 'ghost-migrate__sample.xml')).toMatch(/:136:\d+:/);
    expect(await refused('wxr', 'nikola__wordpress_unicode_export.xml')).toMatch(
      /:51:\d+: unbound namespace prefix: "atom"/,
    );
    expect(await refused('wxr', 'wordpress-importer__missing-version-tag.xml')).toMatch(
      /no <wp:wxr_version>/,
    );
    expect(await refused('wxr', 'wordpress-importer__invalid-version-tag.xml')).toMatch(
      /version "abc"/,
    );
    expect(await refused('wxr', 'wordpress-importer__crazy-cdata.xml')).toMatch(
      /"\]\]>" is disallowed/,
    );
    expect(await refused('disqus', 'remark42__disqus.xml')).toMatch(
      /:1:\d+: text data outside of root node/,
    );
    expect(await refused('disqus', 'comentario__disqus-bad-format.xml')).toMatch(
      /unclosed tag: disqus/,
    );
    expect(await refused('feeds', 'feedparser__tests_entities_hellip.xml')).toMatch(
      /:7:\d+: undefined entity/,
    );
    expect(await refused('feeds', 'feedparser__tests_illformed_rss_empty_document.xml')).toMatch(
      /must contain a root element/,
    );
  });
});

describe('WordPress (WXR)', () => {
  it('keeps threads and statuses, skips and counts pingbacks, and makes orphans top-level', async () => {
    const records = await collect(readers.wxr(join(fixtures, 'wxr/pelican__wordpressexport.xml')));
    const comments = commentsOf(records);
    const reply = comments.find((c) => c.key.endsWith(':comment:117'));
    expect(reply?.parentKey).toMatch(/:comment:116$/);
    expect(reply?.depth).toBe(2);
    expect(skips(records)).toContain("pingback (not a reader's comment)");
    expect(records).toContainEqual({
      kind: 'note',
      reason: 'reply to a comment not imported, made a top-level comment',
    });
    expect(skips(records)).toContain('post status "draft" (not published)');

    const remark = await collect(
      readers.wxr(join(fixtures, 'wxr/remark42__wordpress_test.go-xmlTestWP.xml')),
    );
    expect(
      commentsOf(remark)
        .map((c) => c.status)
        .sort(),
    ).toEqual(['approved', 'approved', 'pending']);
    // Comment 14 answers pingback 13, which is skipped: it starts a thread of its own.
    expect(commentsOf(remark).find((c) => c.key.endsWith(':comment:14'))?.parentKey).toBeNull();
  });

  it('clamps replies deeper than 5 levels to level 5, and says how many', async () => {
    const records = await collect(
      readers.wxr(join(fixtures, 'wxr/wordpress-importer__theme-unit-test-data.xml')),
    );
    const comments = commentsOf(records);
    expect(Math.max(...comments.map((c) => c.depth))).toBe(5);
    expect(
      records.filter((r) => r.kind === 'note' && r.reason.startsWith('reply nested deeper')),
    ).not.toHaveLength(0);
    const article = articlesOf(records).find((a) => a.categories?.length);
    expect(article?.byline).toMatch(/^By /);
  });

  it('makes figures of [caption] shortcodes and of WordPress image blocks', async () => {
    const records = await collect(
      readers.wxr(join(fixtures, 'wxr/nikola__wordpress_export_example.xml')),
    );
    const figures = articlesOf(records).flatMap((a) => a.body.filter((b) => b.type === 'figure'));
    expect(
      figures.some(
        (f) => f.type === 'figure' && typeof f.caption === 'string' && f.caption.length > 0,
      ),
    ).toBe(true);
    expect(
      htmlToBody(
        '<!-- wp:image --><figure class="wp-block-image"><img src="https://x.test/a.jpg" alt="A" width="10" height="5"/><figcaption>Cap <em>here</em></figcaption></figure><!-- /wp:image -->',
      ),
    ).toEqual([
      {
        type: 'figure',
        image: { src: 'https://x.test/a.jpg', alt: 'A', width: 10, height: 5 },
        caption: ['Cap ', { type: 'em', children: ['here'] }],
      },
    ]);
  });

  it('drops scripts, styles, iframes, event attributes and unsafe links, keeping the text around them', () => {
    const body = htmlToBody(
      '<p onclick="steal()">Hello <a href="javascript:alert(1)">there</a> <a href="/rel" onmouseover="x()">rel</a></p>' +
        '<script>alert(1)</script><style>p{}</style><iframe src="https://evil.test"></iframe>' +
        '<blockquote><p>Nested <blockquote>inner</blockquote></p><cite>Someone</cite></blockquote><h5>Deep</h5><pre>  a\n b</pre>' +
        '<ul><li>One<ul><li>Two</li></ul></li></ul><marquee>Unknown element</marquee>',
      { baseUrl: 'https://site.test/post/' },
    );
    const expected: ArticleBlock[] = [
      {
        type: 'paragraph',
        text: ['Hello there ', { type: 'link', href: 'https://site.test/rel', children: ['rel'] }],
      },
      {
        type: 'quote',
        text: ['Nested', { type: 'break' }, { type: 'break' }, 'inner'],
        attribution: 'Someone',
      },
      { type: 'heading', level: 4, text: 'Deep' },
      { type: 'preformatted', text: '  a\n b' },
      { type: 'list', ordered: false, items: ['One', 'Two'] },
      { type: 'paragraph', text: 'Unknown element' },
    ];
    expect(body).toEqual(expected);
  });

  it('reads entities and CDATA as text, and text WordPress never wrapped in <p> as paragraphs', async () => {
    const records = await collect(
      readers.wxr(join(fixtures, 'wxr/wordpress-importer__post-content-blank-lines.xml')),
    );
    expect(
      articlesOf(records)[0]?.body.filter((b) => b.type === 'paragraph').length,
    ).toBeGreaterThan(1);
    const wxr = `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>Fish &amp; chips &#8211; ok</title><link>https://s.test/fish</link><wp:post_id>1</wp:post_id><wp:post_date_gmt>2020-01-02 03:04:05</wp:post_date_gmt><wp:post_name>fish</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>A &lt;b&gt; &amp; <b>bold</b></p>]]></content:encoded></item></channel></rss>`;
    const [article] = articlesOf(await collect(readWxr(stringBytes(wxr), 'inline.xml')));
    expect(article?.headline).toBe('Fish & chips – ok');
    expect(article?.publishedAt).toBe('2020-01-02T03:04:05.000Z');
    expect(article?.body).toEqual([
      { type: 'paragraph', text: ['A <b> & ', { type: 'strong', children: ['bold'] }] },
    ]);
  });
});

describe('encodings', () => {
  it('decodes what the XML declaration says (ISO-8859-1) and UTF-16 by its byte-order mark', async () => {
    const records = await collect(
      readers.feeds(join(fixtures, 'feeds/feed-rs__feed-rs_fixture_rss2_rss_2.0_encoding_1.xml')),
    );
    expect(articlesOf(records)).toHaveLength(1);
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf',
      ),
      0xe9,
      ...new TextEncoder().encode('</title><item><title>Na'),
      0xef,
      ...new TextEncoder().encode(
        've</title><link>https://s.test/a</link><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate><description>x</description></item></channel></rss>',
      ),
    ]);
    const [article] = articlesOf(await collect(readFeed(stringBytes(latin1), 'latin1.xml')));
    expect(article?.headline).toBe('Naïve');
    expect(article?.source?.name).toBe('Café');
    const text =
      '<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><title>Ünïcode</title><link>https://s.test/u</link><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate><description>y</description></item></channel></rss>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(articlesOf(await collect(readFeed(stringBytes(utf16), 'utf16.xml')))[0]?.headline).toBe(
      'Ünïcode',
    );
  });

  it('refuses bytes that are not valid in the declared encoding', async () => {
    const bad = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('</title></channel></rss>'),
    ]);
    await expect(collect(readFeed(stringBytes(bad), 'bad.xml'))).rejects.toThrow(/not valid utf-8/);
  });
});

describe('Disqus', () => {
  it('matches posts to threads, keeps parents (also when a reply comes first), deleted and spam', async () => {
    const isso = await collect(readers.disqus(join(fixtures, 'disqus/isso__disqus.xml')));
    expect(skips(isso)).toContain('post in a thread the export does not have');
    expect(isso.filter((r) => r.kind === 'thread')[0]).toMatchObject({
      urls: ['http://example.org/'],
    });
    const xml = `<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
      <thread dsq:id="t1"><id>my-post</id><link>https://s.test/articles/my-post</link></thread>
      <post dsq:id="p2"><message>Reply</message><createdAt>2020-01-02T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>B</name><email>b@x.test</email></author><thread dsq:id="t1"/><parent dsq:id="p1"/></post>
      <post dsq:id="p1"><message>&lt;p&gt;First&lt;/p&gt;</message><createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>true</isDeleted><isSpam>false</isSpam><author><name>A</name><email>a@x.test</email></author><thread dsq:id="t1"/></post>
      <post dsq:id="p3"><message>Buy</message><createdAt>2020-01-03T00:00:00Z</createdAt><isSpam>true</isSpam><author><name>S</name></author><thread dsq:id="t1"/></post>
      <post dsq:id="p5"><message>Gone</message><createdAt>2020-01-04T00:00:00Z</createdAt><isDeleted>true</isDeleted><author><name>G</name></author><thread dsq:id="t1"/></post>
      <post dsq:id="p4"><message>Bad date</message><createdAt>yesterday</createdAt><thread dsq:id="t1"/></post>
    </disqus>`;
    const records = await collect(readDisqus(stringBytes(xml), 'inline.xml'));
    expect(records.find((r) => r.kind === 'thread')).toEqual({
      kind: 'thread',
      key: 't1',
      urls: ['https://s.test/articles/my-post'],
      slugs: ['my-post', 'my-post'],
    });
    expect(
      commentsOf(records).map((c) => [c.key, c.parentKey, c.status, c.author, c.content]),
    ).toEqual([
      ['post:p1', null, 'deleted', '', ''],
      ['post:p2', 'post:p1', 'approved', 'B', 'Reply'],
      ['post:p3', null, 'spam', 'S', 'Buy'],
    ]);
    // A deleted post no reply hangs from leaves nothing, as a reader's own removal would.
    expect(skips(records)).toEqual([
      'post p4 has no valid createdAt',
      'deleted in Disqus, with no replies to keep its place for',
    ]);
  });
});

describe('feeds', () => {
  it('makes articles of full-content items, with the item link as the Source link', async () => {
    const records = await collect(
      readers.feeds(join(fixtures, 'feeds/feed-rs__feed-rs_fixture_atom_atom_relative.xml')),
    );
    expect(articlesOf(records)[0]?.source).toEqual({
      name: 'Example Feed with Relative URLs',
      url: 'https://example.com/blog/2003/12/13/atom03',
    });
    const reddit = articlesOf(
      await collect(
        readers.feeds(
          join(fixtures, 'feeds/feed-rs__feed-rs_fixture_atom_atom_mediarss_reddit_1.xml'),
        ),
      ),
    );
    expect(reddit).toHaveLength(25);
    expect(reddit.every((a) => a.source?.url.startsWith('https://'))).toBe(true);
  });
});

describe('a feed from a URL', () => {
  it('is read as it arrives, relative links resolved against the URL; a failed fetch is a clear error', async () => {
    const feed = readFileSync(
      join(fixtures, 'feeds/feed-rs__feed-rs_fixture_rss2_rss_2.0_relurl_1.xml'),
    );
    const server = createServer((request, response) => {
      if (request.url === '/feed.xml') {
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        response.end(feed);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fromUrl = articlesOf(
      await collect(readFeed(urlBytes(`${base}/feed.xml`), 'feed', `${base}/feed.xml`)),
    );
    const fromFile = articlesOf(
      await collect(
        readers.feeds(join(fixtures, 'feeds/feed-rs__feed-rs_fixture_rss2_rss_2.0_relurl_1.xml')),
      ),
    );
    expect(fromUrl.map((a) => a.headline)).toEqual(fromFile.map((a) => a.headline));
    expect(fromUrl.length).toBeGreaterThan(0);
    await expect(collect(readFeed(urlBytes(`${base}/gone.xml`), 'gone'))).rejects.toThrow(
      /Cannot fetch .*gone\.xml: the server answered 404/,
    );
  });
});

describe('Markdown', () => {
  it('reads front matter and Markdown into an article, and explains a missing title', () => {
    const record = markdownArticle(
      'hello-world.md',
      '---\ntitle: Hello\ndate: 2026-01-02T03:04:05Z\nauthor: Ann\ntags: [a, b]\nsource_url: https://s.test/hello\n---\n# Top\n\nSome *words* and [a link](https://x.test).\n\n- one\n- two\n\n```\ncode\n```\n',
    );
    expect(record).toMatchObject({
      kind: 'article',
      article: {
        slug: 'hello-world',
        headline: 'Hello',
        byline: 'By Ann',
        tags: ['a', 'b'],
        source: { name: 's.test', url: 'https://s.test/hello' },
        body: [
          { type: 'heading', level: 2, text: 'Top' },
          {
            type: 'paragraph',
            text: [
              'Some ',
              { type: 'em', children: ['words'] },
              ' and ',
              { type: 'link', href: 'https://x.test/', children: ['a link'] },
              '.',
            ],
          },
          { type: 'list', ordered: false, items: ['one', 'two'] },
          { type: 'preformatted', text: 'code' },
        ],
      },
    });
    expect(() => markdownArticle('x.md', '---\ndate: 2026-01-01\n---\nText')).toThrow(
      /needs a title/,
    );
  });

  it('reads a folder of .md files in name order, skipping drafts and other files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'md-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    writeFileSync(join(folder, 'b-second.md'), '---\ntitle: Second\ndate: 2026-01-02\n---\nTwo');
    writeFileSync(join(folder, 'a-first.md'), '---\ntitle: First\ndate: 2026-01-01\n---\nOne');
    writeFileSync(
      join(folder, 'c-draft.md'),
      '---\ntitle: Draft\ndate: 2026-01-03\ndraft: true\n---\nNot yet',
    );
    writeFileSync(join(folder, 'notes.txt'), 'not an article');
    const records = await collect(readMarkdownFolder(folder));
    expect(articlesOf(records).map((a) => a.slug)).toEqual(['a-first', 'b-second']);
    expect(skips(records)).toEqual(['c-draft.md: draft: true']);
    await expect(collect(readMarkdownFolder(join(folder, 'missing')))).rejects.toThrow(
      /Cannot read the folder/,
    );
  });
});

describe('a 50 MB export', () => {
  it('streams with bounded memory: the heap does not grow with the file', async () => {
    const header =
      '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version>';
    const comment = (i: number) =>
      `<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_author>Reader ${i}</wp:comment_author><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${'Lorem ipsum dolor sit amet. '.repeat(8)}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${i % 7 === 0 ? 0 : i - 1}</wp:comment_parent></wp:comment>`;
    const item = (n: number) =>
      `<item><title>Post ${n}</title><link>https://s.test/p${n}</link><wp:post_id>${n}</wp:post_id><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:post_name>p${n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>${'Body text. '.repeat(200)}</p>]]></content:encoded>${Array.from({ length: 40 }, (_, i) => comment(n * 100 + i)).join('')}</item>`;
    const target = 50 * 1024 * 1024;
    let produced = 0;
    async function* bytes() {
      const encoder = new TextEncoder();
      yield encoder.encode(header);
      for (let n = 1; produced < target; n++) {
        const chunk = encoder.encode(item(n));
        produced += chunk.length;
        yield chunk;
      }
      yield encoder.encode('</channel></rss>');
    }
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let comments = 0;
    for await (const record of readWxr(bytes(), 'big.xml')) {
      if (record.kind === 'comment' && ++comments % 2000 === 0)
        peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(produced).toBeGreaterThanOrEqual(target);
    expect(comments).toBeGreaterThan(80_000);
    // The file is 50 MB, its text in memory would be 100: one item at a time stays far below.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  }, 60_000);
});
