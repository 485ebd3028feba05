import { collectIdentitiesOnPage } from '../platform/scripting';
import { domainIdentity, emailIdentity, normalizeDomain, normalizeEmail } from '../identity/normalize';
import { recordsByIdentity } from '../store/records';
import type { Reply } from '../protocol/messages';

/** The people and companies we know among the emails and domains on the user's current page. */
export async function scanPage(tabId: number): Promise<Reply<'panel→background:scanPage'>> {
  let found: { emails: string[]; hosts: string[] };
  try {
    found = await collectIdentitiesOnPage(tabId);
  } catch {
    return { ok: false, error: { kind: 'rejected', message: 'This page cannot be read: click the toolbar icon on it first (that grants access to this one page), or it is a browser page.' } };
  }
  const identities = new Set<string>();
  for (const email of found.emails) {
    const normalized = normalizeEmail(email);
    if (normalized) identities.add(emailIdentity(normalized));
  }
  for (const host of found.hosts) {
    const domain = normalizeDomain(host);
    if (domain) identities.add(domainIdentity(domain));
  }
  const matches = (await Promise.all([...identities].slice(0, 600).map((identity) => recordsByIdentity(identity)))).flat();
  const keys = [...new Set(matches.filter((r) => r.type === 'person' || r.type === 'company').map((r) => r.key))];
  return { ok: true, data: { keys, identitiesSeen: identities.size } };
}
