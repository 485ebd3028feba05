import type { ConnectorId, CustomerRecord } from '../model/record';
import type { ResolvedProfile } from './resolve';

export interface LastConversation {
  key: string;
  connector: ConnectorId;
  /** The subject, or the first words when the thread has none (an Intercom chat). */
  subject: string;
  status?: string;
  /** When something last happened in the thread: a reply, a comment, a status change. */
  at: number;
  url: string;
  fetchedAt: number;
}

/** Support threads are conversations too: a Zendesk ticket's comments, a Salesforce case, an Intercom chat. */
const THREAD_TYPES = new Set(['conversation', 'ticket']);

const lastTouched = (r: CustomerRecord) => r.fields.lastActivityAt ?? r.fields.lastModifiedAt ?? r.fields.createdAt ?? r.updatedAt;

/** The most recent thread with the person in any tool. */
export function lastConversation(profile: ResolvedProfile): LastConversation | undefined {
  const latest = profile.activity.filter((r) => THREAD_TYPES.has(r.type)).sort((a, b) => lastTouched(b) - lastTouched(a))[0];
  if (!latest) return undefined;
  return {
    key: latest.key,
    connector: latest.connector,
    subject: latest.fields.subject?.trim() || latest.title,
    ...(latest.fields.status ? { status: latest.fields.status } : {}),
    at: lastTouched(latest),
    url: latest.url,
    fetchedAt: latest.fetchedAt,
  };
}
