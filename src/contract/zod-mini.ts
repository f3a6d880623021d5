import { z } from 'zod/mini';

// zod/mini builds the same schemas as zod from functions a bundler can tree-shake, so what the
// article page needs (its contract, the error shape, settings) costs ~6 KB gzip instead of the
// whole of zod (~26 KB), which then loads only with the comments. It shares zod's core, and so
// its config: no `new Function`, for the CSP (see ./zod.ts).
z.config({ jitless: true });

export { z };
