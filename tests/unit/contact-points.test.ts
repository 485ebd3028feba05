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
});
