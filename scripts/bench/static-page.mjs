// The yardstick for LCP: the same article as a plain static HTML page (no JavaScript, one small
// inline stylesheet, the same pictures), made from the mock fixture, served by the same server.
const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );

function picture(image, sizes, eager) {
  const byType = new Map();
  for (const v of image.variants ?? []) {
    byType.set(v.type, [...(byType.get(v.type) ?? []), `${v.src} ${v.width}w`]);
  }
  const sources = [...byType]
    .map(([type, srcs]) => `<source type="${type}" srcset="${srcs.join(', ')}" sizes="${sizes}">`)
    .join('');
  const loading = eager ? 'fetchpriority="high"' : 'loading="lazy"';
  return `<picture>${sources}<img src="${image.src}" width="${image.width}" height="${image.height}" alt="${escape(image.alt)}" ${loading}></picture>`;
}

export function staticArticleHtml(article) {
  const sizes = '(min-width: 56rem) 52rem, 100vw';
  const body = article.body
    .map((block, index) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${escape(block.text)}</p>`;
        case 'quote':
          return `<blockquote><p>${escape(block.text)}</p>${block.attribution ? `<footer>— ${escape(block.attribution)}</footer>` : ''}</blockquote>`;
        case 'figure':
          return `<figure>${picture(block.image, sizes, index === 0)}<figcaption>${escape(block.caption)}</figcaption></figure>`;
        case 'video':
          return `<figure>${picture(block.poster, sizes, index === 0)}<figcaption>${escape(block.title)}</figcaption></figure>`;
      }
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(article.headline)}</title>
<meta name="description" content="${escape(article.summary)}">
<style>
body{margin:0 auto;max-width:52rem;padding:1rem;font:1.125rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff}
h1{font-size:2rem;line-height:1.2}img{max-width:100%;height:auto;display:block}figure{margin:1.5rem 0}
</style>
</head>
<body>
<header><p><a href="/">The Daily Thread</a></p></header>
<main>
<article>
<h1>${escape(article.headline)}</h1>
<p>${article.byline ? `${escape(article.byline)} · ` : ''}<time datetime="${article.publishedAt}">${article.publishedAt.slice(0, 10)}</time></p>
${body}
</article>
</main>
</body>
</html>
`;
}
