import { z } from '../../contract/zod-mini';
import { localStore } from '../../lib/local-store';

const key = 'comments:author-details';
// WordPress keeps the commenter cookies for a year.
const keepForMs = 365 * 24 * 60 * 60 * 1000;

const savedDetailsSchema = z.object({
  name: z.string(),
  email: z.string(),
  website: z.string(),
  savedAt: z.number(),
});
export type SavedDetails = Omit<z.infer<typeof savedDetailsSchema>, 'savedAt'>;

/** "Save my name, email, and website in this browser for the next time I comment." */
export const savedDetails = {
  read(): SavedDetails | null {
    const saved = localStore.read(key, savedDetailsSchema);
    if (!saved) return null;
    if (Date.now() - saved.savedAt > keepForMs) {
      localStore.remove(key);
      return null;
    }
    return { name: saved.name, email: saved.email, website: saved.website };
  },
  save(details: SavedDetails): void {
    localStore.write(key, { ...details, savedAt: Date.now() });
  },
  forget(): void {
    localStore.remove(key);
  },
};
