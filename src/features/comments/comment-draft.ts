import { z } from '../../contract/zod-mini';
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
  /** Forgets the draft if it still holds the words that were sent (another tab may have moved on). */
  clearIfSent(slug: string, parentId: string | null, sentText: string): void {
    const draft = localStore.read(draftKey(slug, parentId), draftSchema);
    if (draft && draft.text.trim() === sentText.trim()) localStore.remove(draftKey(slug, parentId));
  },
};
