import { describe, expect, it } from 'vitest';
import { accountToday, weekBeforeLast } from '../../src/connectors/kit/weeks';

describe('the week before last, in the ad account’s time zone', () => {
  it('counts days where the account lives: 03:00 UTC on 2 March is still 1 March in Los Angeles', () => {
    const now = new Date('2026-03-02T03:00:00Z');
    expect(accountToday('America/Los_Angeles', now)).toBe('2026-03-01');
    expect(accountToday('Europe/Berlin', now)).toBe('2026-03-02');
    expect(weekBeforeLast('America/Los_Angeles', now)).toEqual({ since: '2026-02-15', until: '2026-02-21' });
    expect(weekBeforeLast('Europe/Berlin', now)).toEqual({ since: '2026-02-16', until: '2026-02-22' });
  });

  it('crosses a year end and falls back to UTC for a zone the browser does not know', () => {
    expect(weekBeforeLast('Asia/Tokyo', new Date('2026-01-05T12:00:00Z'))).toEqual({ since: '2025-12-22', until: '2025-12-28' });
    expect(weekBeforeLast('Mars/Olympus_Mons', new Date('2026-01-05T12:00:00Z'))).toEqual({ since: '2025-12-22', until: '2025-12-28' });
    expect(weekBeforeLast(undefined, new Date('2026-01-05T23:30:00Z'))).toEqual({ since: '2025-12-22', until: '2025-12-28' });
  });
});
