// The fields a reader fills in, apart from the rest of the comments contract (./comments.ts):
// the comment section builds these schemas in a task of their own before the others. Building
// all of them at once, zod's first run through its code, was one long task on a slowed phone.
import { z } from './zod-mini';
import { safeHttpUrl } from './safe-url';
import { groupThousands } from './group-thousands';
import { utf8Bytes } from './text-bytes';

/** WordPress's limits (wp_handle_comment_submission), in UTF-8 bytes. */
export const commentLimits = { comment: 65525, name: 245, email: 100, website: 200 } as const;

/**
 * An address as WordPress accepts it now: letters of any script in both parts (info@grå.org),
 * dot-separated parts with no empty one, at least two in the domain, and none of the characters
 * an address cannot hold unquoted.
 */
const atom = String.raw`[^\s@"(),:;<>[\]\\.]+`;
const label = String.raw`[^\s@"(),:;<>[\]\\._]+`;
const internationalEmail = new RegExp(`^${atom}(?:\\.${atom})*@${label}(?:\\.${label})+$`, 'u');

const maxBytes = (limit: number, message: string) =>
  z.string().check(z.refine((value) => utf8Bytes(value) <= limit, { message, abort: true }));

/** Trimmed, then required: the message says what to type. */
const required = (message: string) => z.string().check(z.trim(), z.minLength(1, message));

/** The fields a reader fills in; shared by the form (its resolver) and the mock server. */
export const commentFieldsSchema = z.object({
  comment: z.pipe(
    required('Please type your comment text.'),
    maxBytes(
      commentLimits.comment,
      `Your comment is too long: shorten it to at most ${groupThousands(commentLimits.comment)} bytes (most letters take 1, accented letters 2, emoji 4).`,
    ),
  ),
  name: z.pipe(
    required('Please enter your name.'),
    maxBytes(
      commentLimits.name,
      `Your name is too long: shorten it to at most ${commentLimits.name} bytes.`,
    ),
  ),
  email: z.pipe(
    z.pipe(
      required('Please enter your email address. It will not be published.'),
      maxBytes(
        commentLimits.email,
        `Your email address is too long: it can be at most ${commentLimits.email} bytes.`,
      ),
    ),
    z.email({
      pattern: internationalEmail,
      message: 'Please enter a valid email address, like name@example.com.',
    }),
  ),
  website: z.pipe(
    z
      .pipe(
        z.string().check(z.trim()),
        maxBytes(
          commentLimits.website,
          `Your URL is too long: shorten it to at most ${commentLimits.website} bytes.`,
        ),
      )
      .check(
        z.refine((value) => value === '' || safeHttpUrl(value) !== null, {
          message:
            'Enter a full web address starting with http:// or https://, like https://example.com, or leave it empty.',
        }),
      ),
    z.transform((value: string) => (value === '' ? '' : (safeHttpUrl(value) ?? ''))),
  ),
});
