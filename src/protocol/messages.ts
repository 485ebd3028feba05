import { z } from '../model/zod-setup';
import { connectorIdSchema, recordTypeSchema } from '../model/record';
import { connectionSchema, connectorErrorKindSchema } from '../model/health';
import { TEAM_URL } from '../sync/team-url';

/**
 * Every message, named by direction. `from` says who may send it: `extension` means one of our
 * own pages (panel, options); `content` means our content script in a tab. The background
 * rejects anything else, whatever its shape.
 */
const pageContextSchema = z.object({
  connector: connectorIdSchema,
  account: z.string().check(z.regex(/^[\w.-]{0,64}$/)),
  type: recordTypeSchema,
  id: z.string().check(z.regex(/^[\w.@+:-]{1,128}$/)),
  host: z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/)),
});

export const messageSchemas = {
  /** panel→background: read this record from the vendor now (the panel shows the cache meanwhile). */
  'panel→background:fetchRecord': {
    from: 'extension',
    request: z.object({ context: pageContextSchema, force: z.boolean() }),
  },
  /** panel→background: the user opened a record from search or recents. */
  'panel→background:openRecord': {
    from: 'extension',
    request: z.object({ key: z.string().check(z.maxLength(300)) }),
  },
  /** panel→background: look the shown person or company up in every other connected tool. */
  'panel→background:crossLookup': {
    from: 'extension',
    request: z.object({ key: z.string().check(z.maxLength(300)), force: z.boolean() }),
  },
  /** panel→background: read the people of the shown company from each tool that knows it. */
  'panel→background:companyPeople': {
    from: 'extension',
    request: z.object({ key: z.string().check(z.maxLength(300)), force: z.boolean() }),
  },
  /** panel→background: the user says two records are (merge) or are not (split) the same customer. */
  'panel→background:setIdentityOverride': {
    from: 'extension',
    request: z.object({ a: z.string().check(z.maxLength(300)), b: z.string().check(z.maxLength(300)), kind: z.enum(['split', 'merge']) }),
  },
  /**
   * panel→background: the user confirmed that the console on this tab is theirs: remember its host
   * and have the tab's page read. Which host is taken from the tab's real URL, not the message.
   */
  'panel→background:confirmPageHost': {
    from: 'extension',
    request: z.object({ tabId: z.number().check(z.int(), z.nonnegative()) }),
  },
  /** panel→background: the user accepts a record read off a page: it may join profiles now. */
  'panel→background:acceptPageRecord': {
    from: 'extension',
    request: z.object({ key: z.string().check(z.maxLength(300)) }),
  },
  /** panel→background: read every connected tool's metrics now (one manual snapshot). */
  'panel→background:captureMetrics': {
    from: 'extension',
    request: z.object({}),
  },
  /** panel→background: create or update a board (name and ordered metrics). */
  'panel→background:saveBoard': {
    from: 'extension',
    request: z.object({ id: z.optional(z.string().check(z.maxLength(100))), name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)), metricIds: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(200)) }),
  },
  /** panel→background: one change to a board, applied to its current state (fast clicks never lose one). */
  'panel→background:editBoard': {
    from: 'extension',
    request: z.object({ id: z.string().check(z.maxLength(100)), op: z.enum(['add', 'remove', 'up', 'down']), metricId: z.string().check(z.maxLength(300)) }),
  },
  'panel→background:deleteBoard': {
    from: 'extension',
    request: z.object({ id: z.string().check(z.maxLength(100)) }),
  },
  /** options→background: keep metric points for this many days (null: forever) and prune now. */
  'options→background:setRetention': {
    from: 'extension',
    request: z.object({ keepDays: z.nullable(z.number().check(z.int(), z.positive(), z.lte(36_500))) }),
  },
  /** panel→background: which known people and companies appear on this tab's page (activeTab). */
  'panel→background:scanPage': {
    from: 'extension',
    request: z.object({ tabId: z.number().check(z.int(), z.nonnegative()) }),
  },
  /** options→background: protect tokens with a passphrase (on), lock, unlock, or remove it; or only ask how they are. */
  'options→background:vault': {
    from: 'extension',
    request: z.object({ action: z.enum(['status', 'enable', 'lock', 'unlock', 'remove']), passphrase: z.optional(z.string().check(z.maxLength(1000))) }),
  },
  /**
   * options→background: add the records of a vendor payload (JSON `text`) or contact export to
   * the store. A CSV export comes as `rows`, already parsed by Options (its parser stays out of the worker).
   */
  'options→background:importVendorFile': {
    from: 'extension',
    request: z.object({
      connector: connectorIdSchema,
      fileName: z.string().check(z.maxLength(300)),
      text: z.string().check(z.maxLength(100_000_000)),
      rows: z.optional(z.array(z.array(z.string().check(z.maxLength(100_000)))).check(z.maxLength(2_000_000))),
    }),
  },
  /** options→background: check a token with one API call and store it if it works. */
  'options→background:connect': {
    from: 'extension',
    request: z.object({
      connector: connectorIdSchema,
      /** `session`: no token; the vendor's signed-in console session is read when needed (Salesforce). */
      authMode: z.optional(z.enum(['token', 'session'])),
      token: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
      /** Zendesk subdomain, Salesforce instance, GA4 property... for vendors that need one. */
      site: z.optional(z.string().check(z.trim(), z.maxLength(300))),
      email: z.optional(z.string().check(z.trim(), z.maxLength(300))),
    }),
  },
  /**
   * options→background: finish a Google sign-in (GA4, Google Ads) whose consent window Options
   * ran: exchange the code on the user's own OAuth client, check the access with one call, keep
   * the refresh token.
   */
  'options→background:googleSignIn': {
    from: 'extension',
    request: z.object({
      connector: connectorIdSchema,
      clientId: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      clientSecret: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      site: z.optional(z.string().check(z.trim(), z.maxLength(300))),
      /** Google Ads' developer token, which goes before the access token. */
      tokenPrefix: z.optional(z.string().check(z.trim(), z.maxLength(300))),
      redirected: z.string().check(z.maxLength(4000)),
      redirectUri: z.string().check(z.maxLength(300)),
      state: z.string().check(z.minLength(16), z.maxLength(200)),
      verifier: z.string().check(z.minLength(43), z.maxLength(128)),
    }),
  },
  /** options→background: sync everything of this tool now, page by page. */
  'options→background:startSync': {
    from: 'extension',
    request: z.object({ connector: connectorIdSchema }),
  },
  /** options→background: what importing this backup file would add (nothing is written). */
  'options→background:previewImport': {
    from: 'extension',
    request: z.object({ text: z.string().check(z.maxLength(200_000_000)) }),
  },
  /** options→background: merge this backup file into the store. */
  'options→background:importBackup': {
    from: 'extension',
    request: z.object({ text: z.string().check(z.maxLength(200_000_000)) }),
  },
  /** options→background: delete every cached record (metric history and decisions stay) to free space. */
  'options→background:clearCache': {
    from: 'extension',
    request: z.object({}),
  },
  /** options→background: forget the token and the connection. */
  'options→background:disconnect': {
    from: 'extension',
    request: z.object({ connector: connectorIdSchema }),
  },
  /**
   * options→background: sync with this team database as this CouchDB user (password and team
   * passphrase are kept with the tokens, never in storage a content script could read).
   */
  'options→background:saveTeamSync': {
    from: 'extension',
    request: z.object({
      url: z.string().check(z.regex(TEAM_URL)),
      username: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      password: z.string().check(z.minLength(1), z.maxLength(1000)),
      passphrase: z.string().check(z.maxLength(1000)),
    }),
  },
  /** options→background: stop syncing with the team and forget its password (shared data stays here). */
  'options→background:forgetTeamSync': {
    from: 'extension',
    request: z.object({}),
  },
  /** page→background: the team database and credentials, for the extension page that syncs. */
  'page→background:teamSyncTarget': {
    from: 'extension',
    request: z.object({}),
  },
  /** picker→background: the user pointed at a number on this tab's page and named it. */
  'picker→background:pin': {
    from: 'content',
    request: z.object({ label: z.string().check(z.maxLength(80)), selector: z.string().check(z.minLength(1), z.maxLength(1000)), text: z.string().check(z.maxLength(100)) }),
  },
  /** pin-reader→background: which pins (selectors only) belong to the sender's page. */
  'pin-reader→background:pinsForPage': {
    from: 'content',
    request: z.object({}),
  },
  /** pin-reader→background: the text each pin's element shows now (null: element not found). */
  'pin-reader→background:pinReadings': {
    from: 'content',
    request: z.object({ readings: z.array(z.object({ id: z.string().check(z.maxLength(100)), text: z.nullable(z.string().check(z.maxLength(100))) })).check(z.maxLength(50)) }),
  },
  /** panel→background: the user granted this origin; re-read its pins on every visit. */
  'panel→background:enablePinRereads': {
    from: 'extension',
    request: z.object({ origin: z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/)) }),
  },
  /** content→background: the user is on a console page; the URL is taken from the sender, not the message. */
  'content→background:pageVisited': {
    from: 'content',
    request: z.object({}),
  },
  /**
   * content→background: what a page-mode console shows of its record (asked for by the reply to
   * pageVisited). Which record it is still comes from the sender's URL; these are only values.
   */
  'content→background:pageRecord': {
    from: 'content',
    request: z.object({
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      emails: z.array(z.string().check(z.maxLength(254))).check(z.maxLength(5)),
      phones: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(5)),
      companyName: z.optional(z.string().check(z.maxLength(200))),
    }),
  },
} as const;

export type MessageType = keyof typeof messageSchemas;
export type MessageRequest<T extends MessageType> = z.infer<(typeof messageSchemas)[T]['request']>;

export const errorReplySchema = z.object({
  /** `storage-full`: the browser refused to write because its storage (quota or disk) is full. */
  kind: z.union([connectorErrorKindSchema, z.enum(['not-connected', 'wrong-account', 'rejected', 'storage-full', 'internal'])]),
  message: z.string(),
  retryAfterMs: z.optional(z.number()),
});
export type ErrorReply = z.infer<typeof errorReplySchema>;

export interface ImportSummary {
  newRecords: number;
  updatedRecords: number;
  newMetrics: number;
  newPoints: number;
  newOverrides: number;
}

export interface ToolLookup {
  connector: z.infer<typeof connectorIdSchema>;
  state: 'ok' | 'error';
  /** Keys of the records this tool has for the identity (now in the store). */
  keys: string[];
  error?: ErrorReply;
}

/** One tool's answer for a company's people: how many it listed (now in the store), or why not. */
export interface ToolPeople {
  connector: z.infer<typeof connectorIdSchema>;
  state: 'ok' | 'error';
  count: number;
  error?: ErrorReply;
}

/** What each message answers: `ok` with its data, or an error the UI can show as is. */
export interface MessageReplies {
  'panel→background:fetchRecord': { key: string };
  'panel→background:openRecord': { key: string };
  'panel→background:crossLookup': { tools: ToolLookup[] };
  'panel→background:companyPeople': { tools: ToolPeople[] };
  'panel→background:setIdentityOverride': Record<string, never>;
  'panel→background:confirmPageHost': Record<string, never>;
  'panel→background:acceptPageRecord': Record<string, never>;
  'panel→background:captureMetrics': { captured: number; failures: string[] };
  'panel→background:saveBoard': { id: string };
  'panel→background:scanPage': { keys: string[]; identitiesSeen: number };
  'options→background:vault': { status: 'off' | 'locked' | 'unlocked' };
  /** `notes`: what the reader left out on purpose, one sentence each (normalize-payload.ts). */
  'options→background:importVendorFile': { imported: number; notes: string[] };
  'panel→background:deleteBoard': Record<string, never>;
  'panel→background:editBoard': Record<string, never>;
  'options→background:setRetention': { removedPoints: number };
  'options→background:connect': { connection: z.infer<typeof connectionSchema> };
  'options→background:googleSignIn': { connection: z.infer<typeof connectionSchema> };
  'options→background:disconnect': Record<string, never>;
  'options→background:clearCache': { removedRecords: number };
  'options→background:startSync': Record<string, never>;
  'options→background:previewImport': ImportSummary;
  'options→background:importBackup': ImportSummary;
  /** readPage: the vendor has no credential, so the content script should read the record off the page. */
  'content→background:pageVisited': { readPage: boolean };
  'content→background:pageRecord': { key: string };
  'picker→background:pin': { id: string };
  'pin-reader→background:pinsForPage': { pins: Array<{ id: string; selector: string }> };
  'pin-reader→background:pinReadings': Record<string, never>;
  'panel→background:enablePinRereads': Record<string, never>;
  'options→background:saveTeamSync': Record<string, never>;
  'options→background:forgetTeamSync': Record<string, never>;
  'page→background:teamSyncTarget': { url: string; username: string; password: string; passphrase: string; device: string };
}

export type Reply<T extends MessageType> = { ok: true; data: MessageReplies[T] } | { ok: false; error: ErrorReply };

export const envelopeSchema = z.object({ type: z.string(), request: z.unknown() });
