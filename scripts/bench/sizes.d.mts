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
}
export function analyseBuild(outDir: string): BuildAnalysis;
