import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens are kept as their SHA-256, so a copy of the database cannot act as their holders. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a token to a stored hash in constant time. */
export function tokenMatches(token: string | null | undefined, storedHash: string | null): boolean {
  if (!token || !storedHash) return false;
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * A comment's edit token, derived from the client id of the submission that made it: a resend
 * of that submission (its first reply lost) gets the same token back, and the database, which
 * keeps only hashes of both, holds nothing to derive it from.
 */
export function editTokenFor(clientId: string): string {
  return createHmac('sha256', clientId).update('comment-edit-token').digest('base64url');
}
