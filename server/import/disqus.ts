import type { StoredStatus } from '../../src/contract/comment-rules';
import { htmlToText } from './html-to-body';
import { ImportFormatError } from './import-error';
import { httpUrl, isoTime, slugify, ThreadShaper, type ImportRecord } from './import-records';
import { decodeXml } from './xml-decode';
import { child, childText, xmlRecords, type XmlElement } from './xml-records';

const disqusNs = 'http://disqus.com';
const internalsNs = 'http://disqus.com/disqus-internals';
const dsqId = (element: XmlElement | undefined) =>
  element?.attrs[`{${internalsNs}}id`]?.trim() ?? '';
const isDisqus = (uri: string) => uri === disqusNs;

/** Disqus writes "true"/"false"; anything else (its exports hold "123") is not a yes. */
const yes = (value: string) => value.trim().toLowerCase() === 'true' || value.trim() === '1';

/**
 * A Disqus export: its threads (matched to articles by the importer, by link or slug) and their
 * posts with parents. Deleted posts stay as this site's "deleted" placeholders (no author or
 * text, as a reader's own removal leaves), spam ones as spam. Replies that arrive before their
 * parent wait for it; those whose parent never comes become top-level comments, with a note.
 */
export async function* readDisqus(
  bytes: AsyncIterable<Uint8Array>,
  name: string,
): AsyncGenerator<ImportRecord> {
  const records = xmlRecords(
    decodeXml(bytes),
    (e, depth) =>
      depth === 1 &&
      e.uri === disqusNs &&
      (e.local === 'thread' || e.local === 'post' || e.local === 'category'),
    name,
  );
  const threads = new Map<string, { deleted: boolean }>();
  const shaper = new ThreadShaper();
  /** Replies whose parent has not been read yet, by the parent's id. */
  const waiting = new Map<string, XmlElement[]>();
  let checkedRoot = false;
  /**
   * Deleted posts, held back: on this site a removed comment leaves a placeholder only while
   * replies hang from it, so one is written when (and only if) its first reply is.
   */
  const placeholders = new Map<string, Extract<ImportRecord, { kind: 'comment' }>>();
  const placeholdersFor = function* (parentKey: string | null): Generator<ImportRecord> {
    const held = parentKey === null ? undefined : placeholders.get(parentKey);
    if (!held || parentKey === null) return;
    placeholders.delete(parentKey);
    yield* placeholdersFor(held.parentKey);
    yield held;
  };
  const emit = function* (post: XmlElement, parentId: string | null): Generator<ImportRecord> {
    const id = dsqId(post);
    const place = shaper.place(id, parentId);
    if (place.note) yield { kind: 'note', reason: place.note };
    const parentKey = place.parentKey === null ? null : `post:${place.parentKey}`;
    yield* placeholdersFor(parentKey);
    const deleted = yes(childText(post, 'isDeleted', isDisqus));
    const spam = yes(childText(post, 'isSpam', isDisqus));
    const status: StoredStatus = deleted ? 'deleted' : spam ? 'spam' : 'approved';
    const author = child(post, 'author', isDisqus);
    const content = htmlToText(childText(post, 'message', isDisqus));
    const comment: Extract<ImportRecord, { kind: 'comment' }> = {
      kind: 'comment',
      key: `post:${id}`,
      target: { thread: dsqId(child(post, 'thread', isDisqus)) },
      parentKey,
      depth: place.depth,
      author: deleted
        ? ''
        : (author &&
            (childText(author, 'name', isDisqus) || childText(author, 'username', isDisqus))) ||
          'Anonymous',
      email: deleted ? '' : author ? childText(author, 'email', isDisqus) : '',
      website: null,
      content: deleted ? '' : content || '(empty comment)',
      status,
      createdAt: isoTime(childText(post, 'createdAt', isDisqus)) as string,
      ip: childText(post, 'ipAddress', isDisqus) || null,
    };
    if (deleted) placeholders.set(comment.key, comment);
    else yield comment;
    for (const reply of waiting.get(id) ?? []) yield* emit(reply, id);
    waiting.delete(id);
  };
  while (true) {
    const next = await records.next();
    if (next.done) {
      if (next.value.local !== 'disqus' || next.value.uri !== disqusNs) {
        throw new ImportFormatError(
          `${name} is not a Disqus export: its root is <${next.value.local}>, not <disqus xmlns="${disqusNs}">.`,
        );
      }
      break;
    }
    const { record, ancestors } = next.value;
    if (!checkedRoot) {
      if (ancestors[0]?.local !== 'disqus')
        throw new ImportFormatError(`${name} is not a Disqus export.`);
      checkedRoot = true;
    }
    if (record.local === 'category') continue;
    const id = dsqId(record);
    if (record.local === 'thread') {
      const deleted = yes(childText(record, 'isDeleted', isDisqus));
      threads.set(id, { deleted });
      if (deleted) {
        yield {
          kind: 'skip',
          what: 'item',
          reason: 'thread deleted in Disqus (its posts are skipped)',
        };
        continue;
      }
      const link = httpUrl(childText(record, 'link', isDisqus));
      const ident = childText(record, 'id', isDisqus);
      const slugs = [
        ident,
        link
          ? (new URL(link).pathname
              .split('/')
              .filter(Boolean)
              .at(-1)
              ?.replace(/\.html?$/, '') ?? '')
          : '',
      ]
        .map(slugify)
        .filter(Boolean);
      yield {
        kind: 'thread',
        key: id,
        urls: [link, httpUrl(ident)].filter((u): u is string => Boolean(u)),
        slugs,
      };
      continue;
    }
    // A post.
    if (!id) {
      yield { kind: 'skip', what: 'comment', reason: 'post has no dsq:id' };
      continue;
    }
    const thread = threads.get(dsqId(child(record, 'thread', isDisqus)));
    if (!thread) {
      yield { kind: 'skip', what: 'comment', reason: 'post in a thread the export does not have' };
      continue;
    }
    if (thread.deleted) {
      yield { kind: 'skip', what: 'comment', reason: 'post in a deleted thread' };
      continue;
    }
    if (!isoTime(childText(record, 'createdAt', isDisqus))) {
      yield { kind: 'skip', what: 'comment', reason: `post ${id} has no valid createdAt` };
      continue;
    }
    if (shaper.has(id)) {
      yield { kind: 'skip', what: 'comment', reason: `post ${id} repeated` };
      continue;
    }
    const parentId = dsqId(child(record, 'parent', isDisqus)) || null;
    if (parentId && !shaper.has(parentId)) {
      const list = waiting.get(parentId) ?? [];
      list.push(record);
      waiting.set(parentId, list);
      continue;
    }
    yield* emit(record, parentId);
  }
  // Parents that never came: their replies start threads of their own.
  for (const [parentId, replies] of waiting) {
    for (const reply of replies) yield* emit(reply, parentId);
  }
  for (let left = placeholders.size; left > 0; left--) {
    yield {
      kind: 'skip',
      what: 'comment',
      reason: 'deleted in Disqus, with no replies to keep its place for',
    };
  }
}
