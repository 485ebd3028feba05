import { z } from 'zod';

// zod compiles fast parsers with `new Function` when it may; our CSP forbids that, and we
// do not want eval-like code paths at all, so every entry point imports this first.
z.config({ jitless: true });
