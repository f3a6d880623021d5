import { useEffect } from 'react';
import { pageTitle, siteDescription } from './site';

export function useDocumentTitle(title?: string): void {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}

/**
 * Keeps <head> in step with the page after client-side navigation: title, description and
 * canonical link. The prerendered HTML already carries them (and the Open Graph, Twitter and
 * JSON-LD tags crawlers read, see src/app/page-head.ts); rendering them with React instead would
 * put them in the prerendered body and make hydration compare them.
 */
export function useDocumentHead({
  title,
  description = siteDescription,
  canonical,
}: {
  title?: string;
  description?: string;
  canonical?: string;
}): void {
  useDocumentTitle(title);
  useEffect(() => {
    document.head.querySelector('meta[name="description"]')?.setAttribute('content', description);
  }, [description]);
  useEffect(() => {
    if (!canonical) return;
    let link = document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'canonical';
      document.head.append(link);
    }
    link.href = canonical;
    const added = link;
    // A page without an address of its own (not found) must not keep the last one's.
    return () => added.remove();
  }, [canonical]);
}
