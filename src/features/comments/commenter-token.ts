import { z } from '../../contract/zod-mini';
import { localStore } from '../../lib/local-store';

const key = 'comments:commenter-token';

/**
 * A random token this browser keeps, sent with comment requests. It is how the server shows a
 * reader their own comments held for moderation; it says nothing about who they are.
 */
export function commenterToken(): string {
  const existing = localStore.read(key, z.string().check(z.minLength(16)));
  if (existing) return existing;
  const token = crypto.randomUUID();
  localStore.write(key, token);
  return token;
}
