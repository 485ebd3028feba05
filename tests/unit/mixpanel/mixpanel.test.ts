import { describe, expect, it } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { mixpanelCohortsSchema, mixpanelEngagePage, mixpanelFunnelsSchema, mixpanelInsightsSchema, mixpanelSeriesSchema, mixpanelStreamSchema, type MixpanelEngagePage } from '../../../src/connectors/mixpanel/schemas';
import { dailyCounts, eventCountPoints, mixpanelDateToMs, normalizeMixpanelEvents, normalizeMixpanelProfile } from '../../../src/connectors/mixpanel/normalize';
import { normalizeMixpanelPayload } from '../../../src/connectors/mixpanel/payload';
import { emailWhere, mixpanelSite, serviceAccount } from '../../../src/connectors/mixpanel/api';
import { customerRecordSchema } from '../../../src/model/record';

const ctx = { account: '3141592', host: 'eu.mixpanel.com', fetchedAt: 1_700_000_000_000 };

/** Every sample and the schema it is an answer of. */
const expectations: Record<string, z.ZodMiniType> = {
  'cohorts_list.json': mixpanelCohortsSchema,
  'engage_query_profiles.json': mixpanelEngagePage,
  'events_counts.json': mixpanelSeriesSchema,
  'funnels.json': mixpanelFunnelsSchema,
  'insights_saved_report.json': mixpanelInsightsSchema,
  'segmentation.json': mixpanelSeriesSchema,
  'stream_query_activity_feed.json': mixpanelStreamSchema,
};

describe('Mixpanel samples', () => {
  it('names a schema for every sample in the folder', () => {
    expect(sampleFiles('mixpanel').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('%s parses', (file, schema) => {
    expect(() => parseVendorPayload('Mixpanel', schema, readSample('mixpanel', file), file)).not.toThrow();
  });

  it.each(sampleFiles('mixpanel'))('%s reads through the payload reader into valid records', (file) => {
    const notes: string[] = [];
    const records = normalizeMixpanelPayload(readSample('mixpanel', file), '3141592', notes);
    for (const record of records) expect(() => customerRecordSchema.parse(record)).not.toThrow();
    // A sample gives records or says why it gave none.
    expect(records.length + notes.length).toBeGreaterThan(0);
  });

  it('refuses an error body in Mixpanel’s words', () => {
    expect(() => normalizeMixpanelPayload({ request: '/api/query/engage?project_id=1', error: 'Invalid username or secret' }, '1')).toThrow(/Invalid username or secret/);
  });

  it('refuses a profile page whose results are not profiles, naming the path', () => {
    expect(() => normalizeMixpanelPayload({ page: 0, results: [{ name: 'x' }] }, '1')).toThrow(/results\.0\.\$distinct_id/);
  });
});

describe('Mixpanel normalisation', () => {
  const page = readSample('mixpanel', 'engage_query_profiles.json') as MixpanelEngagePage;

  it('reads the sample profile: name, email, created, last seen in UTC, numeric distinct id as text', () => {
    const person = normalizeMixpanelProfile(page.results[0]!, ctx);
    expect(person).toMatchObject({ key: 'mixpanel:3141592:person:4', title: 'Example Name', identities: ['email:example@mixpanel.com'], url: 'https://eu.mixpanel.com/project/3141592/app/profile#distinct_id=4' });
    expect(person.fields.createdAt).toBe(Date.UTC(2008, 11, 12, 11, 20, 47));
    expect(person.fields.lastActivityAt).toBe(Date.UTC(2008, 5, 9, 23, 8, 40));
  });

  it('shows the project’s own properties as tags and leaves Mixpanel’s reserved ones out', () => {
    const person = normalizeMixpanelProfile({ $distinct_id: 'u1', $properties: { $email: 'a@b.co', $os: 'Mac', mp_lib: 'web', plan: 'Growth', seats: 12, empty: ' ', nested: { a: 1 } } }, ctx);
    expect(person.fields.tags).toEqual(['plan: Growth', 'seats: 12']);
  });

  it('takes the newest event as last activity when it is later than last seen', () => {
    const feed = (readSample('mixpanel', 'stream_query_activity_feed.json') as { results: { events: never[] } }).results.events;
    const person = normalizeMixpanelProfile(page.results[0]!, ctx, feed);
    expect(person.fields.lastActivityAt).toBe(1599589470_000);
  });

  it('turns the activity feed into timeline events of the profile, newest first, stable ids', () => {
    const feed = (readSample('mixpanel', 'stream_query_activity_feed.json') as { results: { events: never[] } }).results.events;
    const events = normalizeMixpanelEvents('abc', feed, ctx);
    expect(events.map((e) => [e.title, e.fields.activity, e.fields.createdAt, e.links])).toEqual([
      ['Viewed Page', 'event', 1599589470_000, ['mixpanel:3141592:person:abc']],
      ['Game Played', 'event', 1599589453_000, ['mixpanel:3141592:person:abc']],
    ]);
    expect(normalizeMixpanelEvents('abc', feed, ctx).map((e) => e.key)).toEqual(events.map((e) => e.key));
    expect(events.every((e) => e.tokens.length === 0)).toBe(true);
  });

  it('sums daily counts over the days asked, a day left out counting none', () => {
    const series = parseVendorPayload('Mixpanel', mixpanelSeriesSchema, readSample('mixpanel', 'events_counts.json'), 'counts');
    const points = eventCountPoints(dailyCounts(series), ['splash features', 'account-page'], { d7: ['2010-05-30', '2010-05-31'], d30: ['2010-05-29', '2010-05-30', '2010-05-31'] }, { account: '1', at: 5 });
    expect(points.map((p) => [p.metric, p.dimension ?? '', p.value])).toEqual([
      ['events-7d', '', 10],
      ['event-count-7d', 'splash features', 9],
      ['event-count-7d', 'account-page', 1],
      ['events-30d', '', 16],
      ['event-count-30d', 'splash features', 15],
      ['event-count-30d', 'account-page', 1],
    ]);
  });

  it('reads profile dates with or without an offset', () => {
    expect(mixpanelDateToMs('2020-01-02T03:04:05')).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(mixpanelDateToMs('2020-01-02T03:04:05+01:00')).toBe(Date.UTC(2020, 0, 2, 2, 4, 5));
    expect(mixpanelDateToMs('soon')).toBeUndefined();
  });
});

describe('Mixpanel credentials', () => {
  it('reads the project id and the residency host the user chose', () => {
    expect(mixpanelSite('3141592')).toEqual({ host: 'mixpanel.com', projectId: '3141592' });
    expect(mixpanelSite('eu.mixpanel.com/3141592')).toEqual({ host: 'eu.mixpanel.com', projectId: '3141592' });
    expect(mixpanelSite('https://eu.mixpanel.com/project/3141592/view/2718/app/events')).toEqual({ host: 'eu.mixpanel.com', projectId: '3141592' });
    expect(mixpanelSite('in.mixpanel.com/77')).toEqual({ host: 'in.mixpanel.com', projectId: '77' });
  });

  it('refuses anything that would send the secret elsewhere', () => {
    for (const site of ['evil.example/3141592', 'https://mixpanel.com.evil.example/project/1', 'us.mixpanel.com/1', '', 'abc']) expect(() => mixpanelSite(site)).toThrow(/not a Mixpanel project id/);
  });

  it('splits the service account at the first colon and refuses a lone secret', () => {
    expect(serviceAccount(' bot.1.mp-service-account:se:cret ')).toEqual({ username: 'bot.1.mp-service-account', secret: 'se:cret' });
    expect(() => serviceAccount('justasecret')).toThrow(/username and secret/);
  });

  it('quotes each email spelling in the where expression', () => {
    expect(emailWhere(['Ann@X.co', 'ann@x.co', 'ann@x.co'])).toBe('properties["$email"] == "Ann@X.co" or properties["$email"] == "ann@x.co"');
    expect(emailWhere(['a"b@x.co'])).toBe('properties["$email"] == "a\\"b@x.co"');
  });
});
