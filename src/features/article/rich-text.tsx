import type { Inline, RichText as RichTextValue } from '../../contract/articles';

/**
 * An article's inline content as React elements: the schema has already refused any link that
 * is not http(s) or mailto, and text is text, so nothing imported can run script. Links in an
 * article are the site's own editorial links (not readers'): "noopener" only, without the
 * "nofollow ugc" that readers' links in comments get.
 */
export function RichText({ value }: { value: RichTextValue }) {
  return typeof value === 'string' ? value : <InlineRun items={value} />;
}

function InlineRun({ items }: { items: readonly Inline[] }) {
  return items.map((item, index) => <InlineItem key={index} item={item} />);
}

function InlineItem({ item }: { item: Inline }) {
  if (typeof item === 'string') return item;
  switch (item.type) {
    case 'link':
      return (
        <a href={item.href} rel={item.href.startsWith('mailto:') ? undefined : 'noopener'}>
          <InlineRun items={item.children} />
        </a>
      );
    case 'em':
      return (
        <em>
          <InlineRun items={item.children} />
        </em>
      );
    case 'strong':
      return (
        <strong>
          <InlineRun items={item.children} />
        </strong>
      );
    case 'code':
      return <code>{item.text}</code>;
    case 'break':
      return <br />;
  }
}
