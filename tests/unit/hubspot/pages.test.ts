import { describe, expect, it } from 'vitest';
import { hubspotRecordUrl, legacyRecordPage, recordPage } from '../../../src/connectors/hubspot/pages';

// Which URLs the detectors find is in tests/unit/page-detectors.test.ts, from pages.ts's pageExamples.
describe('HubSpot record page detectors', () => {
  it('keeps the modern and legacy URL forms in separate detectors', () => {
    expect(recordPage.detect(new URL('https://app.hubspot.com/contacts/1/contact/2'))).toBeNull();
    expect(legacyRecordPage.detect(new URL('https://app.hubspot.com/contacts/1/record/0-1/2'))).toBeNull();
    expect(recordPage.detect(new URL('https://app.hubspot.com/contacts/1/deal/2'))).toBeNull();
    expect(legacyRecordPage.detect(new URL('https://app.hubspot.com/contacts/1/record/0-5/2'))).toBeNull();
  });

  it('builds deep links for deals and tickets with their object type ids', () => {
    expect(hubspotRecordUrl('app-eu1.hubspot.com', '1', 'deal', '2')).toBe('https://app-eu1.hubspot.com/contacts/1/record/0-3/2');
    expect(hubspotRecordUrl('app.hubspot.com', '1', 'ticket', '3')).toBe('https://app.hubspot.com/contacts/1/record/0-5/3');
    expect(hubspotRecordUrl('app.hubspot.com', '1', 'company', '4')).toBe('https://app.hubspot.com/contacts/1/record/0-2/4');
    expect(hubspotRecordUrl('app.hubspot.com', '1', 'person', '5')).toBe('https://app.hubspot.com/contacts/1/record/0-1/5');
  });
});
