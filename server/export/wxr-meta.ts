/** Markers in post and comment meta that only this site reads back (WordPress keeps them as meta). */
export const wxrMeta = {
  sourceName: '_daily_thread_source_name',
  sourceUrl: '_daily_thread_source_url',
  deleted: '_daily_thread_deleted',
} as const;
