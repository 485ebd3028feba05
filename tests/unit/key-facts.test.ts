import { describe, expect, it } from 'vitest';
import { keyFacts, timeline } from '../../src/identity/key-facts';
import type { ResolvedProfile } from '../../src/identity/resolve';
import type { CustomerRecord } from '../../src/model/record';

const base = { account: 'a', identities: [], links: [], url: 'https://x.test', fetchedAt: 0, tokens: [] };
const rec = (connector: CustomerRecord['connector'], type: CustomerRecord['type'], id: string, fields: CustomerRecord['fields'], updatedAt = 0): CustomerRecord => ({ ...base, key: `${connector}:a:${type}:${id}`, connector, type, id, title: id, fields, updatedAt });

describe('key facts across tools', () => {
  const profile: ResolvedProfile = {
    root: rec('hubspot', 'person', 'p1', { lifecycleStage: 'customer' }),
    members: [
      rec('hubspot', 'person', 'p1', { lifecycleStage: 'customer' }),
      rec('stripe', 'person', 'cus_1', { lifetimeValue: { amountMinor: 89100, currency: 'USD' }, mrr: { amountMinor: 37950, currency: 'USD' } }),
    ],
    associated: [],
    activity: [
      rec('zendesk', 'ticket', 't1', { status: 'open', createdAt: 3000 }),
      rec('zendesk', 'ticket', 't2', { status: 'solved', createdAt: 1000 }),
      rec('stripe', 'order', 'in_1', { amount: { amountMinor: 100, currency: 'USD' }, createdAt: 2000 }),
      rec('mailchimp', 'list', 'newsletter', { createdAt: 4000 }),
    ],
    sharedIdentities: [],
  };

  it('takes money from billing, stage from the CRM, and counts only open tickets', () => {
    expect(keyFacts(profile)).toMatchObject({
      lifetimeValue: { amountMinor: 89100, currency: 'USD' },
      mrr: { amountMinor: 37950, currency: 'USD' },
      openTickets: 1,
      lifecycleStage: { value: 'customer', connector: 'hubspot' },
      lastActivityAt: 3000,
    });
  });

  it('orders the timeline newest first, without the lists the person is in (memberships, not events)', () => {
    expect(timeline(profile).map((r) => r.id)).toEqual(['t1', 'in_1', 't2']);
  });
});
