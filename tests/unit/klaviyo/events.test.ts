import { describe, expect, it } from 'vitest';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { normalizeKlaviyoEvents } from '../../../src/connectors/klaviyo/events';
import { klaviyoEventsPage } from '../../../src/connectors/klaviyo/schemas';
import { customerRecordSchema } from '../../../src/model/record';
import { KLAVIYO_EVENTS_DOC_PAGE } from './fixtures/events-page';

const ctx = { account: 'XyZ123', fetchedAt: 1_700_000_000_000, currency: 'USD' };
const PROFILE = '01H64RPM2KR4VDGBWQHFVT6032';
const pageOf = (payload: unknown) => parseVendorPayload('Klaviyo', klaviyoEventsPage, payload, 'events page');
const normalize = (payload: unknown) => {
  const page = pageOf(payload);
  return normalizeKlaviyoEvents(page.data, page.included ?? [], PROFILE, ctx);
};

describe('Klaviyo profile events', () => {
  it('turns the documented email event into a campaign event of the profile, and leaves the SMS out', () => {
    const records = normalize(KLAVIYO_EVENTS_DOC_PAGE);
    for (const record of records) customerRecordSchema.parse(record);
    expect(records).toEqual([
      {
        key: 'klaviyo:XyZ123:campaign:4sXyZOpnEm1',
        connector: 'klaviyo',
        account: 'XyZ123',
        type: 'campaign',
        id: '4sXyZOpnEm1',
        title: 'Summer launch',
        identities: [],
        fields: { name: 'Summer launch', activity: 'open', subject: 'Meet our summer range', createdAt: 1690300000000 },
        links: [`klaviyo:XyZ123:person:${PROFILE}`],
        url: `https://www.klaviyo.com/profile/${PROFILE}`,
        updatedAt: 1690300000000,
        fetchedAt: ctx.fetchedAt,
        tokens: [],
      },
    ]);
  });

  it('reads the time from the documented space-separated datetime when there is no timestamp', () => {
    const page = structuredClone(KLAVIYO_EVENTS_DOC_PAGE);
    page.data[1]!.attributes.timestamp = null as unknown as number;
    page.included[1]!.attributes.name = 'Received Email';
    (page.data[1]!.attributes.event_properties as Record<string, unknown>)['Campaign Name'] = 'Internal test';
    expect(normalize(page).map((r) => [r.fields.activity, r.fields.createdAt])).toEqual([
      ['open', 1690300000000],
      ['sent', Date.parse('2023-07-24T20:15:57Z')],
    ]);
  });

  it('parses metrics and resources it does not know, and events without a metric, leaving them out', () => {
    const page = structuredClone(KLAVIYO_EVENTS_DOC_PAGE) as Record<string, unknown> & typeof KLAVIYO_EVENTS_DOC_PAGE;
    page.included.push({ type: 'profile', id: PROFILE, attributes: { email: 'sarah.mason@klaviyo-demo.com' } } as never);
    page.included[0]!.attributes.name = 'Viewed Product Three Times';
    (page.data[1] as Record<string, unknown>).relationships = null;
    expect(normalize(page)).toEqual([]);
  });

  it('reports a page that is not an events page with the zod path', () => {
    expect(() => pageOf({ data: [{ type: 'event', id: '', attributes: {} }] })).toThrow(expect.objectContaining({ kind: 'schema', detail: expect.objectContaining({ path: 'data.0.id' }) }));
  });
});
