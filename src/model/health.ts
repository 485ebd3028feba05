import { z } from './zod-setup';
import { connectorIdSchema } from './record';

export const connectorErrorKindSchema = z.enum([
  'auth', // token rejected or missing scope
  'rate-limit', // 429 that outlasted our patience
  'schema', // vendor payload did not match what we know
  'not-found',
  'network', // offline, DNS, timeout
  'vendor', // 5xx or an unexpected status
]);
export type ConnectorErrorKind = z.infer<typeof connectorErrorKindSchema>;

export const healthErrorSchema = z.object({
  at: z.number(),
  kind: connectorErrorKindSchema,
  message: z.string(),
  /** What we were reading, e.g. `contact 101`. */
  object: z.optional(z.string()),
  /** For schema errors: the zod path of the first issue, e.g. `properties.email`. */
  path: z.optional(z.string()),
});
export type HealthError = z.infer<typeof healthErrorSchema>;

export const connectorHealthSchema = z.object({
  connector: connectorIdSchema,
  lastSuccessAt: z.optional(z.number()),
  lastErrors: z.array(healthErrorSchema),
  schemaDriftCount: z.number().check(z.int()),
});
export type ConnectorHealth = z.infer<typeof connectorHealthSchema>;

/** What the user sees about a connection. The token itself lives elsewhere (see secrets/tokens.ts). */
export const connectionSchema = z.object({
  connector: connectorIdSchema,
  authMode: z.enum(['token', 'session', 'page']),
  /** Signed in with Google (GA4, Google Ads): the access token renews by itself from a refresh token. */
  signIn: z.optional(z.literal('google')),
  /** Non-secret address the vendor needs (Zendesk subdomain, Salesforce instance, GA4 property). */
  site: z.optional(z.string()),
  /** Login email some vendors pair with an API token (Zendesk). */
  email: z.optional(z.string()),
  account: z.string(),
  accountLabel: z.string(),
  /** Console host for deep links, e.g. app.hubspot.com or app-eu1.hubspot.com. */
  consoleHost: z.string(),
  isSandbox: z.boolean(),
  /** Default currency of the account, for amounts the vendor sends without one. */
  currency: z.optional(z.string()),
  connectedAt: z.number(),
});
export type Connection = z.infer<typeof connectionSchema>;
