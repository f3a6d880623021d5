// The size budgets (gzip, KB = 1024 bytes), shared by the bench and the build check in npm test.
export const budgets = {
  articleRouteJsKb: 85,
  commentFormKb: 25,
};
