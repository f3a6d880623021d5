import type { FigureBlock } from '../../contract/articles';
import { ResponsiveImage } from './responsive-image';
import { RichText } from './rich-text';

export function CaptionedFigure({ block, eager }: { block: FigureBlock; eager: boolean }) {
  const hasCaption = block.caption.length > 0 || Boolean(block.credit);
  return (
    <figure className="captioned-figure">
      {[block.image, ...(block.images ?? [])].map((image, index) => (
        <ResponsiveImage
          key={`${index}-${image.src}`}
          image={image}
          sizes="(min-width: 56rem) 52rem, 100vw"
          className="captioned-figure__image"
          priority={eager && index === 0 ? 'high' : 'lazy'}
        />
      ))}
      {hasCaption ? (
        <figcaption className="captioned-figure__caption">
          <RichText value={block.caption} />
          {block.credit ? <span className="captioned-figure__credit">{block.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
