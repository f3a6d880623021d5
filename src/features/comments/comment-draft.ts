import { z } from '../../lib/zod';
import { localStore } from '../../lib/local-store';

const draftSchema = z.object({ text: z.string(), savedAt: z.number() });

const draftKey = (slug: string, parentId: string | null) =>
  `comments:draft:${slug}:${parentId ?? 'top'}`;

/** The unsent comment text for an article and reply target, kept across reloads. */
export const commentDraft = {
  read(slug: string, parentId: string | null): string {
    return localStore.read(draftKey(slug, parentId), draftSchema)?.text ?? '';
  },
  save(slug: string, parentId: string | null, text: string): void {
    if (text.trim() === '') localStore.remove(draftKey(slug, parentId));
    else localStore.write(draftKey(slug, parentId), { text, savedAt: Date.now() });
  },
  clear(slug: string, parentId: string | null): void {
    localStore.remove(draftKey(slug, parentId));
  },
};
