import { z } from 'zod';

// zod compiles parsers with `new Function` when it may. The Content-Security-Policy forbids eval,
// and even zod's probe for it is reported as a violation. Schemas import z from here, so this
// runs before any schema is built, however the bundler orders the chunks.
z.config({ jitless: true });

export { z };
