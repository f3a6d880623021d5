import type { ArticleBlock } from '../../contract/articles';
import { CaptionedFigure } from './captioned-figure';
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
            return <p key={key}>{block.text}</p>;
          case 'quote':
            return (
              <figure key={key} className="pull-quote">
                <blockquote>
                  <p>{block.text}</p>
                </blockquote>
                {block.attribution ? <figcaption>— {block.attribution}</figcaption> : null}
              </figure>
            );
          case 'figure':
            return <CaptionedFigure key={key} block={block} eager={eager} />;
          case 'video':
            return <VideoCard key={key} block={block} eager={eager} />;
        }
      })}
    </div>
  );
}
