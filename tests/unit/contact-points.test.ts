import { describe, expect, it } from 'vitest';
import { contactPoints } from '../../src/identity/contact-points';
import { resolveProfile } from '../../src/identity/resolve';
import { demoRecords, hubspotKey, sourceOf } from './demo-records';

describe('the header’s emails and phones across tools', async () => {
  const ann = demoRecords.find((r) => r.key === hubspotKey('person', '101'))!;
  const profile = await resolveProfile(ann, sourceOf(demoRecords));

  it('shows each address once whatever its case, the record’s own first, and the personal one only Pipedrive has', () => {
    const { emails } = contactPoints(ann, profile.members);
    expect(emails.map((e) => e.value)).toEqual(['ann.lee@acme-robotics.com', 'annlee.home@gmail.com']);
    expect(emails[0]!.connectors[0]).toBe('hubspot');
    expect(emails[0]!.connectors).toHaveLength(8);
    expect(emails[1]!.connectors).toEqual(['pipedrive']);
  });

  it('shows a phone written +14155550100 in one tool and +1 415-555-0100 in another once', () => {
    const { phones } = contactPoints(ann, profile.members);
    expect(phones.filter((p) => p.value.replace(/\D/g, '') === '14155550100')).toHaveLength(1);
  });

  it('shows a phone one tool keeps without its country code once, through that tool’s own E.164 identity', () => {
    const withoutCountry = profile.members.map((m) =>
      m.connector === 'zendesk' ? { ...m, fields: { ...m.fields, phones: ['(415) 555-0100'] }, identities: [...m.identities.filter((i) => !i.startsWith('phone:')), 'phone:+14155550100'] } : m,
    );
    const { phones } = contactPoints(ann, withoutCountry);
    expect(phones.filter((p) => p.value.replace(/\D/g, '').endsWith('4155550100'))).toHaveLength(1);
    expect(phones.find((p) => p.value.replace(/\D/g, '').endsWith('4155550100'))!.connectors).toContain('zendesk');
  });
});
