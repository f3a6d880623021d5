import type { Image } from '../../contract/articles';

type Loading = { priority: 'high' } | { priority: 'lazy' } | { priority: 'auto' };

/**
 * A <picture> that offers each encoding at each size, so the browser picks the smallest that
 * fits. Width and height are always set: the box is reserved before the bytes arrive.
 */
export function ResponsiveImage({
  image,
  sizes,
  className,
  ...loading
}: { image: Image; sizes: string; className?: string } & Loading) {
  const byType = new Map<string, string[]>();
  for (const variant of image.variants ?? []) {
    const list = byType.get(variant.type) ?? [];
    list.push(`${variant.src} ${variant.width}w`);
    byType.set(variant.type, list);
  }
  return (
    <picture>
      {[...byType].map(([type, srcs]) => (
        <source key={type} type={type} srcSet={srcs.join(', ')} sizes={sizes} />
      ))}
      <img
        className={className}
        src={image.src}
        width={image.width}
        height={image.height}
        alt={image.alt}
        decoding="async"
        loading={loading.priority === 'lazy' ? 'lazy' : 'eager'}
        fetchPriority={loading.priority === 'high' ? 'high' : 'auto'}
      />
    </picture>
  );
}
