/** A pinned amount on any page is stored in minor units by its currency's exponent and shown back as the page showed it. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../../src/store/db';
import { formatMetricValue } from '../../../src/ui/panel/metrics/format-metric';

vi.mock('../../../src/platform/scripting', () => ({ hasOriginPermission: async () => false, registerPinReader: async () => {} }));

const { createPin, recordPinReadings } = await import('../../../src/background/pin-service');
const sender = { url: 'https://reports.example.com/revenue', tab: { id: 1, url: 'https://reports.example.com/revenue' } };

async function pointsOf(id: string) {
  return (await customerDb().points.where('metricId').equals(id).sortBy('at')).map((p) => p.value);
}

describe('pinned money', () => {
  beforeEach(async () => {
    await customerDb().transaction('rw', customerDb().pins, customerDb().metrics, customerDb().points, async () => {
      await Promise.all([customerDb().pins.clear(), customerDb().metrics.clear(), customerDb().points.clear()]);
    });
  });

  it.each([
    { text: '¥1,000', currency: 'JPY', minor: 1000, shown: '¥1,000' },
    { text: '€12.34', currency: 'EUR', minor: 1234, shown: '€12.34' },
    { text: 'KWD 1.234', currency: 'KWD', minor: 1234, shown: /^KWD\s1\.234$/ },
  ])('$text is $minor minor units of $currency', async ({ text, currency, minor, shown }) => {
    const reply = await createPin(sender, { label: 'Revenue', selector: '#total', text });
    expect(reply.ok).toBe(true);
    const id = reply.ok ? reply.data.id : '';
    expect(await customerDb().metrics.get(id)).toMatchObject({ unit: currency });
    expect(await pointsOf(id)).toEqual([minor]);
    expect(formatMetricValue(minor, currency)).toMatch(shown);

    // A later visit that reads the same figure records the same value, not a hundredfold one.
    await recordPinReadings(sender, [{ id, text }]);
    expect(new Set(await pointsOf(id))).toEqual(new Set([minor]));
  });
});
