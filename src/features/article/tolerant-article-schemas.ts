import { safeParse, type ParsingSchema } from '../../lib/schema';
import {
  articleBlockSchema,
  articleListSchema,
  articleSchema,
  articleSummarySchema,
} from '../../contract/articles';

/**
 * `strict`, except that items of the array `field` that fail `item` are left out (with one
 * warning for a developer) rather than failing the whole reply: one block of a kind this version
 * does not know, or one story with a bad slug, must not make the article or the front page
 * unreadable. A reply with nothing left to show still fails, and the page says so.
 */
function skippingBadItems<T>(
  strict: ParsingSchema<T>,
  field: string,
  item: ParsingSchema<unknown>,
  what: string,
): ParsingSchema<T> {
  return {
    '~standard': {
      validate(value) {
        const whole = safeParse(strict, value);
        if (whole.success) return { value: whole.data };
        if (typeof value !== 'object' || value === null) return { issues: whole.issues };
        const items: unknown = (value as Record<string, unknown>)[field];
        if (!Array.isArray(items)) return { issues: whole.issues };
        const results = items.map((entry) => safeParse(item, entry));
        const good = items.filter((_, index) => results[index]?.success);
        if (good.length === 0 || good.length === items.length) return { issues: whole.issues };
        const repaired = safeParse(strict, { ...value, [field]: good });
        if (!repaired.success) return { issues: whole.issues };
        console.warn(
          `Skipped ${items.length - good.length} of ${items.length} ${field} in ${what} that this page cannot show:`,
          results.flatMap((result) => (result.success ? [] : result.issues)),
        );
        return { value: repaired.data };
      },
    },
  };
}

export const tolerantArticleSchema = skippingBadItems(
  articleSchema,
  'body',
  articleBlockSchema,
  'an article',
);

export const tolerantArticleListSchema = skippingBadItems(
  articleListSchema,
  'articles',
  articleSummarySchema,
  'the front page',
);
