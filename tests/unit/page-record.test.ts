import { describe, expect, it } from 'vitest';
import { recordFromPage } from '../../src/connectors/page-record';
import { isPageReadable, pageModeContext } from '../../src/connectors/page-mode';
import { customerRecordSchema } from '../../src/model/record';
import { mailtoHref } from '../../src/identity/email';
import { termsOf } from '../../src/store/terms';

const salesforcePage = { connector: 'salesforce' as const, account: '', type: 'person' as const, id: '0035g0000000101AAA', host: 'acme.lightning.force.com' };
const url = 'https://acme.lightning.force.com/lightning/r/Contact/0035g0000000101AAA/view';

describe('page mode', () => {
  it('reads Salesforce and Zendesk pages only', () => {
    expect(isPageReadable('salesforce')).toBe(true);
    expect(isPageReadable('zendesk')).toBe(true);
    expect(isPageReadable('hubspot')).toBe(false);
  });

  it('keeps a record of a console that does not name its account under the console host', () => {
    expect(pageModeContext(salesforcePage).account).toBe('acme.lightning.force.com');
    expect(pageModeContext({ ...salesforcePage, connector: 'zendesk', account: 'acme' }).account).toBe('acme');
  });

  it('builds a valid person from what the page shows, joinable by email and phone', () => {
    const record = recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann Lee', emails: ['Ann.Lee@acme-robotics.com', 'not an email'], phones: ['+1 415-555-0100'], companyName: 'Acme Robotics' }, 1000);
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ key: 'salesforce:acme.lightning.force.com:person:0035g0000000101AAA', title: 'Ann Lee', url, fetchedAt: 1000 });
    expect(record.identities).toEqual(['email:ann.lee@acme-robotics.com', 'phone:+14155550100']);
    expect(record.fields).toEqual({ name: 'Ann Lee', emails: ['Ann.Lee@acme-robotics.com'], phones: ['+1 415-555-0100'], companyName: 'Acme Robotics' });
  });

  it('reads a ticket page title as its subject', () => {
    const record = recordFromPage({ connector: 'zendesk', account: 'acme', type: 'ticket', id: '7', host: 'acme.zendesk.com' }, 'https://acme.zendesk.com/agent/tickets/7', { title: 'Refund please', emails: [], phones: [] }, 1);
    expect(record.fields).toEqual({ subject: 'Refund please' });
  });

  it('keeps what an earlier API read knew and the page does not show', () => {
    const first = recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann Lee', emails: ['ann@acme-robotics.com'], phones: [] }, 1);
    const cached = { ...first, fields: { ...first.fields, lifecycleStage: 'customer' }, links: ['salesforce:x:company:1'], url: 'https://deep.link/1', updatedAt: 5 };
    const again = recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann B. Lee', emails: [], phones: [] }, 9, cached);
    expect(again.fields).toMatchObject({ name: 'Ann B. Lee', lifecycleStage: 'customer', emails: ['ann@acme-robotics.com'] });
    expect(again).toMatchObject({ links: ['salesforce:x:company:1'], url: 'https://deep.link/1', updatedAt: 5, fetchedAt: 9 });
    expect(again.identities).toEqual(['email:ann@acme-robotics.com']);
  });

  it('refuses a page address that would smuggle a Bcc into a mailto link, and links encode the local part', () => {
    // What `mailto:a%3Fbcc%3Dspy%2540evil.example%26x%3D@bigcustomer.com` on a page decodes to.
    const planted = 'a?bcc=spy%40evil.example&x=@bigcustomer.com';
    const record = recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann Lee', emails: [planted, 'x#y@acme.com', 'ann@acme-robotics.com'], phones: [] }, 1);
    expect(record.fields.emails).toEqual(['ann@acme-robotics.com']);
    expect(record.identities).toEqual(['email:ann@acme-robotics.com']);
    const link = new URL(mailtoHref(planted));
    expect(link.search).toBe('');
    expect(link.href).toBe('mailto:a%3Fbcc%3Dspy%2540evil.example%26x%3D@bigcustomer.com');
    expect(mailtoHref('Ann.Lee+news@acme-robotics.com')).toBe('mailto:Ann.Lee%2Bnews@acme-robotics.com');
  });

  it('keeps a page-read record out of identity joins until accepted, and asks again when the page shows a new address', () => {
    const read = recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann Lee', emails: ['ann@acme-robotics.com'], phones: [] }, 1);
    expect(read.pageRead).toBe('pending');
    expect(termsOf(read).filter((t) => t.startsWith('email:'))).toEqual([]);
    expect(termsOf(read)).toContain('s:ann');
    const accepted = { ...read, pageRead: 'accepted' as const };
    expect(termsOf(accepted)).toContain('email:ann@acme-robotics.com');
    expect(recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann Lee', emails: ['ann@acme-robotics.com'], phones: [] }, 2, accepted).pageRead).toBe('accepted');
    expect(recordFromPage(pageModeContext(salesforcePage), url, { title: 'Ann Lee', emails: ['ann@acme-robotics.com', 'bob@acme-robotics.com'], phones: [] }, 3, accepted).pageRead).toBe('pending');
  });
});
