import { describe, expect, it } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import {
  marketoActivitiesPage,
  marketoActivityTypesPage,
  marketoEnvelope,
  marketoLeadsPage,
  marketoMembershipPage,
  marketoPagingToken,
  marketoRecordStatusPage,
  marketoStaticListsPage,
  marketoTokenSchema,
} from '../../../src/connectors/marketo/schemas';
import { marketoDateToMs, normalizeMarketoActivities, normalizeMarketoLead, normalizeMarketoList } from '../../../src/connectors/marketo/normalize';
import { normalizeMarketoPayload } from '../../../src/connectors/marketo/payload';
import { clientCredentials, marketoHost, munchkinOf } from '../../../src/connectors/marketo/api';
import { customerRecordSchema } from '../../../src/model/record';

const ctx = { account: '123-ABC-456', consoleHost: 'app-sjqe.marketo.com', fetchedAt: 1_700_000_000_000, listNames: { 1021: 'Foundation Seed List' } };

/** Every sample and the schema it is an answer of; the refusal is an envelope with success false. */
const expectations: Record<string, z.ZodMiniType> = {
  'activities_get_lead_activities.json': marketoActivitiesPage,
  'activities_lead_changes.json': marketoActivitiesPage,
  'activity_types_DERIVED_missing_open_brace_fixed.json': marketoActivityTypesPage,
  'error_601_unauthorized.json': marketoEnvelope,
  'lead_get_by_id_DERIVED_missing_comma_fixed.json': marketoLeadsPage,
  'lead_list_membership.json': marketoMembershipPage,
  'leads_by_filter_type_id.json': marketoLeadsPage,
  'leads_by_filter_type_no_match.json': marketoLeadsPage,
  'list_leads_by_list_id_paged.json': marketoLeadsPage,
  'oauth_token_client_credentials.json': marketoTokenSchema,
  'paging_token_DERIVED_nbsp_whitespace_fixed.json': marketoPagingToken,
  'record_level_errors_create_leads.json': marketoRecordStatusPage,
  'static_list_by_id.json': marketoStaticListsPage,
  'static_lists_browse.json': marketoStaticListsPage,
};

describe('Marketo schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('marketo').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('%s parses', (file, schema) => {
    expect(() => parseVendorPayload('Marketo', schema, readSample('marketo', file), file)).not.toThrow();
  });

  it('does not take a refusal (success false) for an answer', () => {
    expect(() => parseVendorPayload('Marketo', marketoLeadsPage, readSample('marketo', 'error_601_unauthorized.json'), 'lead')).toThrow(/success/);
  });
});

describe('Marketo normalisation', () => {
  it('reads the three date forms Marketo writes', () => {
    expect(marketoDateToMs('2015-03-17T00:18:40Z')).toBe(Date.UTC(2015, 2, 17, 0, 18, 40));
    expect(marketoDateToMs('2015-05-07T11:47:30-08:00')).toBe(Date.UTC(2015, 4, 7, 19, 47, 30));
    expect(marketoDateToMs('2014-09-17T22:31:49+0000')).toBe(Date.UTC(2014, 8, 17, 22, 31, 49));
    expect(marketoDateToMs('2017-07-27T01:38:33Z+0000')).toBe(Date.UTC(2017, 6, 27, 1, 38, 33));
    expect(marketoDateToMs('')).toBeUndefined();
  });

  it('makes a lead a person with its email identity, lists, score and last activity', () => {
    const lead = parseVendorPayload('Marketo', marketoLeadsPage, readSample('marketo', 'lead_get_by_id_DERIVED_missing_comma_fixed.json'), 'lead').result![0]!;
    const activities = parseVendorPayload('Marketo', marketoActivitiesPage, readSample('marketo', 'activities_get_lead_activities.json'), 'a').result!;
    const record = customerRecordSchema.parse(normalizeMarketoLead({ ...lead, leadScore: 72 }, ctx, { listIds: [1021, 42], activities }));
    expect(record).toMatchObject({ key: 'marketo:123-ABC-456:person:318581', title: 'John Doe', identities: ['email:jdoe@marketo.com'], url: 'https://app-sjqe.marketo.com/leadDatabase/loadLeadDetail?leadId=318581', links: ['marketo:123-ABC-456:list:1021', 'marketo:123-ABC-456:list:42'] });
    expect(record.fields).toMatchObject({ memberships: ['Foundation Seed List', 'List 42'], tags: ['Lead score 72'], createdAt: Date.UTC(2015, 4, 2, 0, 47, 30), lastModifiedAt: Date.UTC(2015, 4, 7, 19, 47, 30), lastActivityAt: Date.UTC(2023, 0, 16, 23, 32, 19) });
  });

  it('makes a static list a list record linking to its console page', () => {
    const list = parseVendorPayload('Marketo', marketoStaticListsPage, readSample('marketo', 'static_list_by_id.json'), 'list').result![0]!;
    expect(normalizeMarketoList(list, ctx, { count: 300, more: true })).toMatchObject({ key: 'marketo:123-ABC-456:list:1021', title: 'Foundation Seed List', url: 'https://app-sjqe.marketo.com/#ST1021A1', fields: { subject: '300+ leads', createdAt: Date.UTC(2017, 6, 27, 1, 38, 33) } });
  });

  it('makes email activities campaign events of their lead and leaves web visits out of the timeline', () => {
    const at = '2026-09-01T10:00:00Z';
    const events = normalizeMarketoActivities(
      [
        { id: 1, marketoGUID: '1', leadId: 7, activityDate: at, activityTypeId: 6, primaryAttributeValue: 'Webinar Invite.Email' },
        { id: 2, marketoGUID: '2', leadId: 7, activityDate: at, activityTypeId: 11, primaryAttributeValue: 'Webinar Invite.Email' },
        { id: 3, marketoGUID: '3', leadId: 7, activityDate: at, activityTypeId: 1, primaryAttributeValue: 'acme.com/pricing' },
      ],
      ctx,
    );
    expect(events.map((e) => [e.type, e.fields.activity, e.title, e.links])).toEqual([
      ['campaign', 'sent', 'Webinar Invite.Email', ['marketo:123-ABC-456:person:7']],
      ['campaign', 'click', 'Webinar Invite.Email', ['marketo:123-ABC-456:person:7']],
    ]);
  });
});

describe('Marketo saved payloads (import, npm run normalize)', () => {
  it.each(sampleFiles('marketo').filter((f) => !f.startsWith('error_')))('%s reads', (file) => {
    const records = normalizeMarketoPayload(readSample('marketo', file), '123-ABC-456');
    for (const record of records) expect(() => customerRecordSchema.parse(record)).not.toThrow();
  });

  it('reads leads and static lists into people and lists', () => {
    expect(normalizeMarketoPayload(readSample('marketo', 'leads_by_filter_type_id.json'), 'x').map((r) => r.title)).toEqual(['Abraham Lincoln', 'George Washington']);
    expect(normalizeMarketoPayload(readSample('marketo', 'static_lists_browse.json'), 'x').map((r) => [r.type, r.title])).toEqual([
      ['list', 'Foundation Seed List'],
      ['list', 'Blacklist Seed List'],
      ['list', 'Possible Duplicates Seed List'],
    ]);
  });

  it('refuses the 601 refusal with Marketo’s own message', () => {
    expect(() => normalizeMarketoPayload(readSample('marketo', 'error_601_unauthorized.json'), 'x')).toThrow('Marketo refused the request: 601 Unauthorized');
  });
});

describe('Marketo credentials', () => {
  it('takes the REST endpoint host in the forms Admin → Web Services shows, and nothing else', () => {
    expect(marketoHost('123-ABC-456.mktorest.com')).toBe('123-abc-456.mktorest.com');
    expect(marketoHost('https://123-ABC-456.mktorest.com/rest')).toBe('123-abc-456.mktorest.com');
    expect(munchkinOf('123-abc-456.mktorest.com')).toBe('123-ABC-456');
    for (const bad of ['evil.example', '123-ABC-456.mktorest.com.evil.example', 'https://evil.example/123-ABC-456.mktorest.com', '']) expect(() => marketoHost(bad)).toThrow(/REST endpoint/);
  });

  it('splits Client ID and Client Secret at the first colon', () => {
    expect(clientCredentials(' abc-1:s3:cret ')).toEqual({ clientId: 'abc-1', clientSecret: 's3:cret' });
    expect(() => clientCredentials('only-a-secret')).toThrow(/joined by a colon/);
  });
});
