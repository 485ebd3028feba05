/**
 * Where a team database may live: CouchDB's own TLS port (6984) on any host, or a CouchDB on
 * this computer. The extension pages' CSP (manifest.json `connect-src`) allows exactly these, so
 * the browser still refuses any other host; the database name follows CouchDB's rules.
 */
export const TEAM_URL = /^(https:\/\/[a-z0-9.-]+:6984|http:\/\/(localhost|127\.0\.0\.1):\d{2,5})\/[a-z][a-z0-9_$()+-]{0,200}$/;

/** What the user typed, as the URL is kept: no trailing slash, the origin in lower case. */
export const teamUrlOf = (typed: string) => typed.trim().replace(/\/+$/, '').replace(/^(https?:\/\/[^/]+)/i, (origin) => origin.toLowerCase());

/** The optional host permission the team URL needs (match patterns carry no port: any port of the host). */
export const teamHostPattern = (url: string) => `${new URL(url).protocol}//${new URL(url).hostname}/*`;
