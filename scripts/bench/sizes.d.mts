export interface SizedGroup {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}
export interface BuildAnalysis {
  chunks: { file: string; src: string; mock: boolean; raw: number; gzip: number; brotli: number }[];
  articleRouteJs: SizedGroup;
  commentForm: SizedGroup | null;
  commentSection: SizedGroup | null;
  /** The section and the form together: all the comment JavaScript. */
  commentJs: SizedGroup | null;
  /** The moderation screens' lazy chunks beyond the route's. */
  moderation: SizedGroup | null;
  /** Every chunk a reader's article page may load (route, comment section, comment form). */
  readerFiles: string[];
  /** Moderation modules found in those chunks ("chunk: module"); must be empty. */
  moderationInReaderChunks: string[];
}
export const moderationModulePattern: RegExp;
export function moderationModulesIn(outDir: string, files: string[]): string[];
export function analyseBuild(outDir: string): BuildAnalysis;
