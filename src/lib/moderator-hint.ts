import { localStore } from './local-store';

const key = 'moderation:signed-in';

/**
 * A hint, kept in this browser, that a moderator signed in here: the session itself is an
 * HttpOnly cookie the page cannot read. Article pages look at it (one localStorage read) to
 * decide whether to load the moderation menu at all, so readers download and request nothing;
 * the menu then asks the server who is signed in, and clears the hint when no one is.
 * It proves nothing: every moderation request is checked by the server.
 */
export const moderatorHint = {
  has: (): boolean => localStore.read(key, (value): value is true => value === true) === true,
  set: (): void => localStore.write(key, true),
  clear: (): void => localStore.remove(key),
};
