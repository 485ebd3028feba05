import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod, set up once for the whole extension: every module that builds or runs a schema imports
 * `z` from here, never from 'zod' itself, so the settings below hold in the worker, the pages,
 * the CLI and the tests alike, whatever is imported first.
 *
 * - `zod/mini` is zod with a functional API (`z.optional(z.string())`, `.check(z.maxLength(80))`):
 *   the same parser and the same issues, but only what is used ends up in a bundle (classic
 *   zod's methods pull in all of it, JSON Schema export included).
 * - Classic zod installs English issue messages by itself; mini has none until told. Messages
 *   reach users ("expected string, received number"), so they are English here as before.
 * - zod compiles fast parsers with `new Function` when it may; our CSP forbids that, and we do
 *   not want eval-like code paths at all.
 */
z.config({ jitless: true, ...en() });

export { z };
