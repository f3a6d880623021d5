import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { articleHead, headHtml, scriptJson } from '../../src/app/page-head';
import type { Article } from '../../src/contract/articles';
import { createPageTemplate } from '../../server/pages/page-template';

const template = [
  '<!doctype html><html><head>',
  '<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;">',
  '<meta charset="UTF-8" />',
  '<meta name="viewport" content="width=device-width" />',
  '<title>The Daily Thread</title>',
  '<meta name="description" content="News" />',
  '<script type="module" crossorigin src="/assets/index.js"></script>',
  '</head><body><div id="root"></div><noscript>Needs JavaScript</noscript></body></html>',
].join('\n');
const entryTag = '<script type="module" crossorigin src="/assets/index.js"></script>';

describe('the page template', () => {
  it('holds an article’s text as written, even with $& and $’ in it', () => {
    // In a replacement string these insert the matched text and what follows it.
    const text = "Prices rose 5$& more; “$'” and $` and $$ are not patterns here.";
    const article: Article = { ...seed, summary: text, body: [{ type: 'paragraph', text }] };
    const page = {
      path: `/articles/${article.slug}`,
      // As React escapes it: & becomes &amp;, so "$&amp;" holds the pattern $& as well.
      body: `<article><p>${text.replace(/&/g, '&amp;').replace(/'/g, '&#x27;')}</p></article>`,
      head: headHtml(articleHead(article, 0)),
      state: scriptJson({ path: `/articles/${article.slug}`, data: { article } }),
      preload: '<link rel="preload" as="image" href="/media/a.webp" />',
    };
    for (const cspIn of ['meta', 'header'] as const) {
      const html = createPageTemplate(template, () => '', cspIn).fill(page);
      expect(html).toContain(`<div id="root">${page.body}</div>`);
      expect(html).toContain(page.head);
      expect(html).toContain(
        `<script type="application/json" id="app-state">${page.state}</script>`,
      );
      expect(html).toContain(
        `<meta name="viewport" content="width=device-width" />\n    ${page.preload}`,
      );
      expect(html.match(/<div id="root">/g)).toHaveLength(1);
      expect(html.match(/<\/head>/g)).toHaveLength(1);
      expect(html).not.toContain(entryTag);
      expect(html).toMatch(/<script>\(function\(\)\{var started=false;/);
      expect(html.includes('http-equiv="Content-Security-Policy"')).toBe(cspIn === 'meta');
    }
  });

  it('lets article media load from the configured media origins (MEDIA_ORIGINS), and nothing else', () => {
    const withMedia = template.replace(
      'style-src &#39;self&#39;',
      'style-src &#39;self&#39;; img-src &#39;self&#39; data:; media-src &#39;self&#39;',
    );
    const { csp } = createPageTemplate(withMedia, () => '', 'header', [
      'https://cdn.example',
      'https://video.example',
    ]);
    expect(csp).toContain("img-src 'self' data: https://cdn.example https://video.example");
    expect(csp).toContain("media-src 'self' https://cdn.example https://video.example");
    expect(csp).not.toMatch(/(script|style|default)-src[^;]*cdn\.example/);
    expect(createPageTemplate(withMedia, () => '', 'header').csp).toContain(
      "img-src 'self' data:;",
    );
  });
});
