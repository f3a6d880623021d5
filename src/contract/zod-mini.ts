import { z } from 'zod/mini';

// zod/mini builds the same schemas as zod from functions a bundler can tree-shake, so the client
// pays only for the schema kinds and checks it uses, not the whole of zod (~26 KB gzip, with its
// JSON Schema generator and locale). The whole contract is built with it.
//
// zod compiles parsers with `new Function` when it may. The Content-Security-Policy forbids eval,
// and even zod's probe for it is reported as a violation. Schemas import z from here, so this
// runs before any schema is built, however the bundler orders the chunks.
z.config({ jitless: true });

export { z };
