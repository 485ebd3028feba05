import { describe, expect, it } from 'vitest';
import { CONNECTOR_IDS } from '../../src/model/keys';
import { setupOf } from '../../src/ui/options/setups';
import { formatMoney } from '../../src/ui/shared/format';

describe('Options site fields', () => {
  // Chrome compiles an input's `pattern` with the `v` flag: an invalid one is skipped with a
  // console error, and the field then checks nothing.
  it.each(CONNECTOR_IDS.map((id) => [id, setupOf(id)] as const).filter(([, setup]) => setup.siteField))('%s: the pattern compiles as the browser compiles it and accepts the example', (_id, setup) => {
    const field = setup.siteField!;
    const pattern = new RegExp(`^(?:${field.pattern})$`, 'v');
    const example = field.placeholder.split(' ')[0]!;
    expect(pattern.test(example), example).toBe(true);
    expect(pattern.test('evil.example.com/x'), 'a foreign address').toBe(false);
  });
});

describe('formatMoney', () => {
  it('reads minor units by the currency: cents, none for yen, thousandths for dinar', () => {
    expect(formatMoney({ amountMinor: 89_100, currency: 'USD' })).toMatch(/891/);
    expect(formatMoney({ amountMinor: 89_100, currency: 'JPY' })).toMatch(/89,100/);
    expect(formatMoney({ amountMinor: 12_000, currency: 'BHD' })).toMatch(/\b12\b/);
    expect(formatMoney(undefined)).toBeUndefined();
  });

  it('keeps the cents when the amount has them, and shows none when it is whole', () => {
    expect(formatMoney({ amountMinor: 94_050, currency: 'USD' })).toMatch(/940\.50/);
    expect(formatMoney({ amountMinor: 1_250, currency: 'EUR' })).toMatch(/12\.50/);
    expect(formatMoney({ amountMinor: 0, currency: 'EUR' })).toMatch(/^€0$/);
    expect(formatMoney({ amountMinor: 1_500, currency: 'BHD' })).toMatch(/1\.500/);
  });
});
