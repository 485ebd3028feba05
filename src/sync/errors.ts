/** Why a sync stopped, in words a marketer can act on; the kind lets Options pick a hint. */
export type TeamSyncErrorKind = 'wrong-password' | 'database-missing' | 'offline' | 'refused' | 'not-couchdb' | 'server-error' | 'wrong-passphrase' | 'passphrase-needed' | 'permission';

export class TeamSyncError extends Error {
  constructor(
    readonly kind: TeamSyncErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TeamSyncError';
  }
}

const WORDS: Record<TeamSyncErrorKind, string> = {
  'wrong-password': 'The team server did not accept this user name and password.',
  'database-missing': 'The team server has no database at this address. Ask whoever runs it to create it, or check the name at the end of the URL.',
  offline: 'The team server cannot be reached (offline, or the server is down). Your changes are kept and sync when it is back.',
  refused: 'The team server refused this user: ask whoever runs it to add you to the database’s members.',
  'not-couchdb': 'This address does not answer like a CouchDB database. Check the URL: it ends with the database name.',
  'server-error': 'The team server failed while syncing. Your changes are kept and sync on the next try.',
  'wrong-passphrase': 'The team passphrase does not open this team’s documents.',
  'passphrase-needed': 'This team encrypts its documents: enter the team passphrase.',
  permission: 'The browser has not allowed the extension to reach this server. Save the settings again to allow it.',
};

export function teamSyncError(kind: TeamSyncErrorKind): TeamSyncError {
  return new TeamSyncError(kind, WORDS[kind]);
}

/** PouchDB's and fetch's errors, mapped to the plain-word kinds above. */
export function toTeamSyncError(error: unknown): TeamSyncError {
  if (error instanceof TeamSyncError) return error;
  const status = (error as { status?: number } | null)?.status;
  if (status === 401) return teamSyncError('wrong-password');
  if (status === 403) return teamSyncError('refused');
  if (status === 404) return teamSyncError('database-missing');
  if (typeof status === 'number' && status >= 500) return teamSyncError('server-error');
  if (isNetworkError(error)) return teamSyncError('offline');
  return teamSyncError('server-error');
}

/** fetch's "could not connect" (a TypeError in browsers, node-fetch's system FetchError in tests). */
export function isNetworkError(error: unknown): boolean {
  const { name, type } = (error ?? {}) as { name?: string; type?: string };
  return error instanceof TypeError || name === 'TypeError' || (name === 'FetchError' && type === 'system');
}
