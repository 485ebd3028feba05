import { describe, expect, it } from 'vitest';
import { allowedTypos, editDistanceWithin } from '../../src/identity/edit-distance';

describe('editDistanceWithin', () => {
  it.each([
    ['smith', 'smith', 0, true],
    ['smith', 'smtih', 1, true],
    ['smith', 'smyth', 1, true],
    ['smith', 'smit', 1, true],
    ['smith', 'smiths', 1, true],
    ['smith', 'jones', 2, false],
    ['robotics', 'robtoics', 1, true],
    ['robotics', 'rbootcs', 2, true], // one swap, one deletion
    ['robotics', 'rbtcs', 2, false],
    ['', 'ab', 2, true],
  ])('%s ~ %s within %i: %s', (a, b, max, expected) => expect(editDistanceWithin(a, b, max)).toBe(expected));

  it('allows more typos in longer words', () => {
    expect([allowedTypos('ann'), allowedTypos('anna'), allowedTypos('robotics')]).toEqual([0, 1, 2]);
  });
});
