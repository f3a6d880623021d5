import { createHmac } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { HeldReason } from '../../src/contract/moderation';
import type { Database } from '../db/client';
import { moderators, type comments } from '../db/schema';

/**
 * What moderators are told of a held comment: where it is and why, and nothing about who wrote
 * it (no name, email, address or text); the queue shows the rest to those signed in.
 */
export interface HeldComment {
  commentId: string;
  articleSlug: string;
  reasons: HeldReason[];
  createdAt: string;
}

const knownReasons: readonly string[] = [
  'links',
  'moderation-word',
  'disallowed-word',
  'first-comment',
];

export function heldComment(row: typeof comments.$inferSelect, articleSlug: string): HeldComment {
  return {
    commentId: String(row.id),
    articleSlug,
    reasons: row.heldReasons.filter((r): r is HeldReason => knownReasons.includes(r)),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The header a webhook's receiver checks: HMAC-SHA256 of the raw body with WEBHOOK_SECRET. */
export const webhookSignatureHeader = 'X-Daily-Thread-Signature';

export function signWebhook(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface NotifierOptions {
  db: Database;
  logger: Logger;
  /** Where the moderation screens are: the link in every notice. */
  publicUrl: string;
  smtpUrl?: string | undefined;
  mailFrom?: string;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  /** Waits before each retry of a failed webhook, in ms. */
  retryDelaysMs?: readonly number[];
  /** How long one webhook attempt may take. */
  timeoutMs?: number;
}

const reasonWords: Record<HeldReason, string> = {
  links: 'it has several links',
  'moderation-word': 'it contains a moderation word',
  'disallowed-word': 'it contains a disallowed word',
  'first-comment': 'it is its author’s first comment',
};

/**
 * Tells moderators of held comments by email (SMTP_URL) and webhook (WEBHOOK_URL). Called
 * without waiting: a slow or failing mail server or receiver never holds up a reader's post.
 * `settled()` resolves when every notice sent so far is done (for tests and shutdown).
 */
export function createNotifier(options: NotifierOptions) {
  const { db, logger } = options;
  const delays = options.retryDelaysMs ?? [1000, 5000, 30000];
  const pending = new Set<Promise<unknown>>();
  const moderateUrl = new URL('/moderate', options.publicUrl).toString();

  let transport: Promise<{ sendMail(message: object): Promise<unknown> }> | null = null;
  const mailer = () => {
    transport ??= import('nodemailer').then((nodemailer) =>
      nodemailer.createTransport(options.smtpUrl ?? ''),
    );
    return transport;
  };

  async function sendEmail(comment: HeldComment) {
    const to = (
      await db
        .select({ email: moderators.email })
        .from(moderators)
        .where(isNull(moderators.disabledAt))
    ).map((m) => m.email);
    if (to.length === 0) return;
    const why = comment.reasons.map((r) => reasonWords[r]).join('; ') || 'the rules held it';
    await (
      await mailer()
    ).sendMail({
      from: options.mailFrom ?? 'The Daily Thread <moderation@localhost>',
      // Each moderator sees only their own address.
      bcc: to,
      subject: `A comment is waiting for moderation on ${comment.articleSlug}`,
      text: `A new comment on ${comment.articleSlug} is waiting for moderation (held because ${why}).\n\nReview it: ${moderateUrl}\n`,
    });
  }

  async function sendWebhook(comment: HeldComment) {
    const body = JSON.stringify({
      event: 'comment.held',
      commentId: comment.commentId,
      article: comment.articleSlug,
      reasons: comment.reasons,
      createdAt: comment.createdAt,
      moderateUrl,
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (options.webhookSecret)
      headers[webhookSignatureHeader] = signWebhook(body, options.webhookSecret);
    for (let attempt = 0; ; attempt += 1) {
      let problem: string;
      try {
        const response = await fetch(options.webhookUrl ?? '', {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (response.ok) return;
        problem = `answered ${response.status}`;
        // A 4xx other than 408/429 will not change on a retry.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) {
          throw new Error(problem);
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('answered')) throw error;
        problem = error instanceof Error ? error.name : 'failed';
      }
      const delay = delays[attempt];
      if (delay === undefined)
        throw new Error(`gave up after ${attempt + 1} attempts (${problem})`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  function track(kind: string, work: Promise<void>, commentId: string) {
    const done = work.catch((error: unknown) => {
      // The comment's id only: the log holds no one's name, address or words.
      logger.warn(
        { commentId, err: error instanceof Error ? error.message : String(error) },
        `${kind} notification failed`,
      );
    });
    pending.add(done);
    void done.finally(() => pending.delete(done));
  }

  return {
    enabled: Boolean(options.smtpUrl || options.webhookUrl),
    held(comment: HeldComment) {
      if (options.smtpUrl) track('email', sendEmail(comment), comment.commentId);
      if (options.webhookUrl) track('webhook', sendWebhook(comment), comment.commentId);
    },
    async settled() {
      while (pending.size) await Promise.all(pending);
    },
  };
}
