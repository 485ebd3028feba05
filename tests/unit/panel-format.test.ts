import { describe, expect, it } from 'vitest';
import { formatDate, initials } from '../../src/ui/shared/format';
import { calendarDateFields } from '../../src/connectors/kit/dates';
import { normalizeSalesforceAccount, salesforceTime } from '../../src/connectors/salesforce/normalize';
import { salesforceAccountSchema, salesforceQueryPage } from '../../src/connectors/salesforce/schemas';
import { groupByTool } from '../../src/ui/panel/metrics/group-metrics';
import { toolOrder } from '../../src/ui/options/tool-order';
import type { MetricSummary } from '../../src/store/metrics';
import { readSample } from './samples';

describe('avatar initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Ann Lee')).toBe('AL');
    expect(initials('Jean-Luc de la Tour')).toBe('JT');
    expect(initials('ann')).toBe('A');
    expect(initials('Łukasz Żółć')).toBe('ŁŻ');
  });

  it('skips markup and punctuation, and shows a neutral sign when there is no letter', () => {
    expect(initials('<Mallory>')).toBe('M');
    expect(initials('"<img src=x>" Lee')).toBe('IL');
    expect(initials('(Ann) Lee')).toBe('AL');
    expect(initials('<>')).toBe('?');
    expect(initials('  ')).toBe('?');
    expect(initials('+1 415')).toBe('?');
  });
});

describe('dates as the tools give them', () => {
  const day = Date.UTC(2026, 2, 1);

  it('shows a date-only value as its calendar day, with no time of day', () => {
    const shown = formatDate(day, { dateOnly: true })!;
    expect(shown).toBe(new Date(2026, 2, 1).toLocaleDateString(undefined, { dateStyle: 'medium' }));
    expect(shown).not.toMatch(/\d:\d\d/);
  });

  it('keeps the time of a moment', () => {
    expect(formatDate(day + 15 * 3_600_000)).toMatch(/\d:\d\d/);
    expect(formatDate(undefined)).toBeUndefined();
  });

  it('shows nothing for a moment outside what a date can hold, and formats the same twice', () => {
    expect(formatDate(NaN)).toBeUndefined();
    expect(formatDate(9e15)).toBeUndefined();
    expect(formatDate(day + 60_000)).toBe(formatDate(day + 60_000));
    expect(formatDate(day + 60_000)).not.toBe(formatDate(day + 120_000));
  });

  it('marks the fields a vendor sent as bare dates, and only those', () => {
    expect(calendarDateFields({ lastActivityAt: '2026-03-01', createdAt: '2026-03-01T09:00:00.000+0000' })).toEqual(['lastActivityAt']);
    expect(calendarDateFields({ lastActivityAt: null })).toBeUndefined();
  });

  it("keeps Salesforce's LastActivityDate as a day", () => {
    const page = salesforceQueryPage(salesforceAccountSchema).parse(readSample('salesforce', 'soql_query_accounts.json'));
    const ctx = { org: '00D000000000001AAA', consoleHost: 'acme.lightning.force.com', currency: 'EUR', fetchedAt: 1_700_000_000_000 };
    const record = normalizeSalesforceAccount({ ...page.records[0]!, LastActivityDate: '2026-03-01' }, ctx);
    expect(record.fields.lastActivityAt).toBe(day);
    expect(record.fields.dateOnly).toEqual(['lastActivityAt']);
    expect(normalizeSalesforceAccount({ ...page.records[0]!, LastActivityDate: null }, ctx).fields.dateOnly).toBeUndefined();
    expect(salesforceTime('2026-03-01')).toBe(day);
  });
});

function summary(id: string, connector: string | undefined, label: string): MetricSummary {
  const [, account] = id.split(':');
  return {
    definition: { id, source: connector ? 'connector' : 'pin', connector, account: connector ? account : undefined, label, unit: 'deals', createdAt: 0 },
    points: [],
    latest: undefined,
  } as unknown as MetricSummary;
}

describe('metrics grouped by tool', () => {
  it('puts each metric under its tool, so two "Open deals" are told apart', () => {
    const groups = groupByTool([
      summary('hubspot:1:open-deals', 'hubspot', 'Open deals'),
      summary('hubspot:1:contacts', 'hubspot', 'Contacts'),
      summary('pin:abc', undefined, 'Signups'),
      summary('pipedrive:acme:open-deals', 'pipedrive', 'Open deals'),
    ]);
    expect(groups.map((g) => [g.label, g.summaries.map((s) => s.definition.id)])).toEqual([
      ['HubSpot', ['hubspot:1:open-deals', 'hubspot:1:contacts']],
      ['Pinned from pages', ['pin:abc']],
      ['Pipedrive', ['pipedrive:acme:open-deals']],
    ]);
  });

  it('names the account when one tool is connected twice', () => {
    const groups = groupByTool([summary('stripe:acct_1:mrr', 'stripe', 'MRR'), summary('stripe:acct_2:mrr', 'stripe', 'MRR')]);
    expect(groups.map((g) => g.label)).toEqual(['Stripe · acct_1', 'Stripe · acct_2']);
  });
});

describe('Options tools list', () => {
  it('lists connected tools first, the others in registry order', () => {
    expect(toolOrder(['hubspot', 'salesforce', 'stripe', 'zendesk'], new Set(['stripe', 'zendesk']))).toEqual(['stripe', 'zendesk', 'hubspot', 'salesforce']);
  });
});
