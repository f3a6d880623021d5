import type { ArticleBlock } from '../../contract/articles';
import { CaptionedFigure } from './captioned-figure';
import { RichText } from './rich-text';
import { VideoCard } from './video-card';

// Media near the top is likely above the fold: load it eagerly with high priority.
const eagerMediaBlocks = 1;

export function ArticleBody({ blocks }: { blocks: readonly ArticleBlock[] }) {
  return (
    <div className="article-body">
      {blocks.map((block, index) => {
        const key = `${index}-${block.type}`;
        const eager = index < eagerMediaBlocks;
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={key}>
                <RichText value={block.text} />
              </p>
            );
          case 'heading': {
            const Heading = `h${block.level}` as const;
            return (
              <Heading key={key} className="article-body__heading">
                <RichText value={block.text} />
              </Heading>
            );
          }
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={key} className="article-body__list">
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>
                    <RichText value={item} />
                  </li>
                ))}
              </List>
            );
          }
          case 'quote':
            return (
              <figure key={key} className="pull-quote">
                <blockquote>
                  <p>
                    <RichText value={block.text} />
                  </p>
                </blockquote>
                {block.attribution ? <figcaption>— {block.attribution}</figcaption> : null}
              </figure>
            );
          case 'figure':
            return <CaptionedFigure key={key} block={block} eager={eager} />;
          case 'video':
            return <VideoCard key={key} block={block} eager={eager} />;
          case 'preformatted':
            return (
              <pre key={key} className="article-body__pre">
                {block.text}
              </pre>
            );
        }
      })}
    </div>
  );
}
