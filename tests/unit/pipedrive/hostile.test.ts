import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSample } from '../samples';
import { ConnectorError } from '../../../src/connectors/errors';
import { normalizePipedrivePayload } from '../../../src/connectors/pipedrive/payload';
import { customerRecordSchema } from '../../../src/model/record';
import { mutate, pathsOf, type Json } from '../mutate-sample';

/** Same idea as tests/unit/hostile-payloads.test.ts, for Pipedrive's v1/v2 persons and a v2 deal. */
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.constant(1e300),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(100_000)),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.constant({ nested: { deeper: [1, { id: 'x' }] } }),
  fc.constant([]),
  fc.constant('0000-00-00 00:00:00'),
);

const deal: Json = { id: 1, title: 'Pilot', value: 1200.5, currency: 'EUR', status: 'open', stage_id: 2, person_id: 4, org_id: 3, owner_id: 18, add_time: '2024-01-02T03:04:05Z', update_time: '2024-02-01T00:00:00Z', won_time: null, expected_close_date: '2024-03-01' };
const cases: Array<[string, Json]> = [
  ['person v1', readSample('pipedrive', 'person_v1.json') as Json],
  ['person v2', readSample('pipedrive', 'person_v2.json') as Json],
  ['deal v2', deal],
];

describe('Pipedrive hostile payloads: a schema error or a valid record, never anything else', () => {
  it.each(cases)('%s', (_name, sample) => {
    fc.assert(
      fc.property(fc.constantFrom(...pathsOf(sample)), fc.integer({ min: 0, max: 2 }), hostileValue, (path, action, value) => {
        const payload = mutate(sample, path, action, value);
        try {
          for (const record of normalizePipedrivePayload(payload, 'a')) expect(customerRecordSchema.parse(record)).toEqual(record);
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectorError);
          expect((error as ConnectorError).kind).toBe('schema');
          expect((error as ConnectorError).detail.path).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });
});
