import type { FigureBlock } from '../../contract/articles';
import { ResponsiveImage } from './responsive-image';

export function CaptionedFigure({ block, eager }: { block: FigureBlock; eager: boolean }) {
  return (
    <figure className="captioned-figure">
      <ResponsiveImage
        image={block.image}
        sizes="(min-width: 56rem) 52rem, 100vw"
        className="captioned-figure__image"
        priority={eager ? 'high' : 'lazy'}
      />
      <figcaption className="captioned-figure__caption">
        {block.caption}
        {block.credit ? <span className="captioned-figure__credit">{block.credit}</span> : null}
      </figcaption>
    </figure>
  );
}
