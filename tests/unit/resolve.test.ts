import { describe, expect, it } from 'vitest';
import { findConflicts, isRoleEmailIdentity, resolveProfile } from '../../src/identity/resolve';
import { sourceOf } from './demo-records';
import { recordKey, type ConnectorId, type CustomerRecord, type RecordType } from '../../src/model/record';
import { emailIdentity, normalizeEmail } from '../../src/identity/normalize';

function record(connector: ConnectorId, type: RecordType, id: string, title: string, extra: { emails?: string[]; domain?: string; links?: string[]; fields?: CustomerRecord['fields'] } = {}): CustomerRecord {
  const identities = [...(extra.emails ?? []).map((e) => emailIdentity(normalizeEmail(e)!)), ...(extra.domain ? [`domain:${extra.domain}`] : [])];
  return {
    key: recordKey(connector, 'acct', type, id),
    connector,
    account: 'acct',
    type,
    id,
    title,
    identities,
    fields: { name: title, emails: extra.emails, domain: extra.domain, ...extra.fields },
    links: extra.links ?? [],
    url: `https://example.test/${id}`,
    updatedAt: 0,
    fetchedAt: 0,
    tokens: [],
  };
}

const acme = record('hubspot', 'company', 'c1', 'Acme Robotics', { domain: 'acme-robotics.com' });
const globex = record('hubspot', 'company', 'c2', 'Globex', { domain: 'globex.io' });
const annHubspot = record('hubspot', 'person', 'p1', 'Ann Lee', { emails: ['ann.lee@acme-robotics.com', 'ann.lee.home@gmail.com'], links: [acme.key, globex.key] });
const annStripe = record('stripe', 'person', 'cus_1', 'Ann Lee', { emails: ['Ann.Lee@Acme-Robotics.com'] });
const annZendesk = record('zendesk', 'person', 'z1', 'Annie Lee', { emails: ['annleehome@gmail.com'] });
const annTicket = record('zendesk', 'ticket', 't1', 'Refund please', { links: [annZendesk.key] });
const bobGmail = record('zendesk', 'person', 'z2', 'Bob Gray', { emails: ['bob.gray@gmail.com'] });
const supportUsers = Array.from({ length: 6 }, (_, i) => record('zendesk', 'person', `s${i}`, `Agent ${i}`, { emails: [`agent${i}@acme-robotics.com`, 'support@acme-robotics.com'] }));
const acmeStripe = record('stripe', 'company', 'acc_1', 'ACME Robotics Inc.', { domain: 'acme-robotics.com' });
const all = [acme, globex, annHubspot, annStripe, annZendesk, annTicket, bobGmail, ...supportUsers, acmeStripe];

describe('resolveProfile', () => {
  it('joins the same person across tools by email, whatever its case, and through a second address', async () => {
    const profile = await resolveProfile(annStripe, sourceOf(all));
    expect(profile.members.map((m) => m.key).sort()).toEqual([annHubspot.key, annStripe.key, annZendesk.key].sort());
    expect(profile.members[0]).toBe(annStripe);
  });

  it('brings in a person’s companies (two of them) and activity without merging them into the person', async () => {
    const profile = await resolveProfile(annHubspot, sourceOf(all));
    expect(profile.associated.map((r) => r.title).sort()).toEqual(['Acme Robotics', 'Globex']);
    expect(profile.activity.map((r) => r.title)).toEqual(['Refund please']);
    expect(profile.members.every((m) => m.type === 'person')).toBe(true);
  });

  it('never merges people through a shared support@ address', async () => {
    const profile = await resolveProfile(supportUsers[0]!, sourceOf(all));
    expect(profile.members.map((m) => m.title)).toEqual(['Agent 0']);
    expect(isRoleEmailIdentity('email:support@acme-robotics.com')).toBe(true);
    expect(isRoleEmailIdentity('email:ann.lee@acme-robotics.com')).toBe(false);
  });

  it('does not walk an identity that many people share, and says so', async () => {
    const shared = Array.from({ length: 6 }, (_, i) => record('hubspot', 'person', `f${i}`, `Family ${i}`, { emails: ['family.smith@acme-robotics.com'] }));
    const profile = await resolveProfile(shared[0]!, sourceOf(shared));
    expect(profile.members).toHaveLength(1);
    expect(profile.sharedIdentities).toEqual(['email:family.smith@acme-robotics.com']);
  });

  it('reads none of the records behind an identity a hundred records carry, even one per account', async () => {
    const switchboard = Array.from({ length: 150 }, (_, i) => {
      const base = record('hubspot', 'person', `sb${i}`, `Caller ${i}`, { emails: [`caller${i}@acme-robotics.com`] });
      return { ...base, account: `portal${i}`, key: recordKey('hubspot', `portal${i}`, 'person', `sb${i}`), identities: [...base.identities, 'phone:+14155550100'] };
    });
    const source = sourceOf(switchboard);
    const read: string[] = [];
    const profile = await resolveProfile(switchboard[0]!, { ...source, byKeys: (keys) => (read.push(...keys), source.byKeys(keys)) });
    expect(profile.members).toEqual([switchboard[0]]);
    expect(profile.sharedIdentities).toEqual(['phone:+14155550100']);
    expect(read).toEqual([]);
  });

  it('tells a switchboard number of one tool from its first five keys, without reading on', async () => {
    const callers = Array.from({ length: 150 }, (_, i) => {
      const base = record('hubspot', 'person', `c${i}`, `Caller ${i}`, { emails: [`caller${i}@acme-robotics.com`] });
      return { ...base, identities: [...base.identities, 'phone:+14155550100'] };
    });
    const source = sourceOf(callers);
    const asked: Array<[string, number]> = [];
    const profile = await resolveProfile(callers[0]!, { ...source, keysByIdentity: (identity, limit) => (asked.push([identity, limit]), source.keysByIdentity(identity, limit)) });
    expect(profile.sharedIdentities).toEqual(['phone:+14155550100']);
    expect(asked.filter(([identity]) => identity === 'phone:+14155550100')).toEqual([['phone:+14155550100', 5]]);
  });

  it('joins one person known to eight tools: an address every tool has once is personal, not shared', async () => {
    const tools = ['hubspot', 'salesforce', 'stripe', 'zendesk', 'intercom', 'mailchimp', 'klaviyo', 'pipedrive'] as const;
    const everywhere = tools.map((tool) => record(tool, 'person', `ann-${tool}`, 'Ann Lee', { emails: ['ann.lee@acme-robotics.com'] }));
    const profile = await resolveProfile(everywhere[0]!, sourceOf(everywhere));
    expect(profile.members.map((m) => m.connector)).toEqual([...tools]);
    expect(profile.sharedIdentities).toEqual([]);
  });

  it('asks the store about each identity once per profile, however many members carry it', async () => {
    const asked: string[] = [];
    const source = sourceOf(all);
    const counting = { ...source, keysByIdentity: (identity: string, limit: number) => (asked.push(identity), source.keysByIdentity(identity, limit)) };
    const profile = await resolveProfile(annStripe, counting);
    expect(profile.members).toHaveLength(3);
    // Stripe's address finds HubSpot's Ann, whose second address finds Zendesk's: two identities, each asked once.
    expect(asked.sort()).toEqual(['email:ann.lee@acme-robotics.com', 'email:annleehome@gmail.com']);
  });

  it('keeps two people with free-mail addresses apart', async () => {
    const profile = await resolveProfile(bobGmail, sourceOf(all));
    expect(profile.members.map((m) => m.title)).toEqual(['Bob Gray']);
  });

  it('joins companies by domain and lists their people', async () => {
    const profile = await resolveProfile(acme, sourceOf(all));
    expect(profile.members.map((m) => m.title).sort()).toEqual(['ACME Robotics Inc.', 'Acme Robotics']);
    expect(profile.associated.map((r) => r.title)).toEqual(['Ann Lee']);
  });

  it('respects the user’s split and merge', async () => {
    const split = await resolveProfile(annHubspot, sourceOf(all), { splits: [[annZendesk.key, annHubspot.key]], merges: [] });
    expect(split.members.map((m) => m.key)).not.toContain(annZendesk.key);
    const merged = await resolveProfile(bobGmail, sourceOf(all), { splits: [], merges: [[annHubspot.key, bobGmail.key]] });
    expect(merged.members.map((m) => m.key)).toContain(annHubspot.key);
  });

  it('shows where tools disagree, with provenance, and nothing when they agree', async () => {
    const profile = await resolveProfile(annHubspot, sourceOf(all));
    const conflicts = findConflicts(profile.members);
    expect(conflicts.map((c) => c.field)).toEqual(['name']);
    expect(conflicts[0]!.values.map((v) => `${v.connector}:${v.value}`).sort()).toEqual(['hubspot:Ann Lee', 'stripe:Ann Lee', 'zendesk:Annie Lee']);
    expect(findConflicts([annHubspot, annStripe])).toEqual([]);
  });
});
