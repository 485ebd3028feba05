import { describe, expect, it } from 'vitest';
import { receive, stamp, tick, ZERO_CLOCK } from '../../src/sync/hlc';
import { headsOf, replayPair, type Decision } from '../../src/sync/decisions';
import { canonical, decode, RejectedDoc } from '../../src/sync/documents';
import { TEAM_URL, teamHostPattern, teamUrlOf } from '../../src/sync/team-url';
import { toTeamSyncError } from '../../src/sync/errors';

describe('hybrid logical clock', () => {
  it('orders edits by time, then by counter within a millisecond, then by browser, as plain strings', () => {
    const first = tick(ZERO_CLOCK, 1_000);
    const sameMs = tick(first, 1_000);
    const clockBehind = tick(sameMs, 900);
    expect(stamp(first, 'b') < stamp(sameMs, 'a')).toBe(true);
    expect(stamp(sameMs, 'a') < stamp(clockBehind, 'a')).toBe(true);
    expect(stamp(first, 'a') < stamp(first, 'b')).toBe(true);
    // 10 s is after 9 s as text too (no "10" < "9").
    expect(stamp(tick(ZERO_CLOCK, 9_000), 'z') < stamp(tick(ZERO_CLOCK, 10_000), 'a')).toBe(true);
  });

  it('sorts a browser’s next edit after everything it has seen, even when its own clock is behind', () => {
    const seen = stamp({ wall: 5_000, counter: 3 }, 'other');
    const mine = tick(receive(tick(ZERO_CLOCK, 1_000), seen), 1_200);
    expect(stamp(mine, 'me') > seen).toBe(true);
    expect(receive(ZERO_CLOCK, 'not a stamp')).toEqual(ZERO_CLOCK);
  });
});

const decision = (id: string, kind: 'split' | 'merge', hlc: string, seen: string[] = []): Decision => ({ id, kind, hlc, seen, a: 'hubspot:1:contact:1', b: 'stripe:acct:customer:cus_1' });

describe('split/merge decision log', () => {
  it('lets the latest decision stand, and asks when decisions made unaware of each other disagree', () => {
    const merge = decision('dec:1', 'merge', '1');
    const split = decision('dec:2', 'split', '2');
    expect(replayPair([split, merge])).toEqual({ standing: split, contradiction: { a: merge.a, b: merge.b, options: [{ kind: 'merge', hlc: '1' }, { kind: 'split', hlc: '2' }] } });
  });

  it('does not ask when the later decision was made knowing the earlier one, or when both agree', () => {
    const merge = decision('dec:1', 'merge', '1');
    expect(replayPair([merge, decision('dec:2', 'split', '2', ['dec:1'])])?.contradiction).toBeUndefined();
    expect(replayPair([merge, decision('dec:2', 'merge', '2')])?.contradiction).toBeUndefined();
  });

  it('settles a question with a decision that names every open answer as seen', () => {
    const open = [decision('dec:1', 'merge', '1'), decision('dec:2', 'split', '2')];
    expect(headsOf(open)).toEqual(['dec:1', 'dec:2']);
    const settled = replayPair([...open, decision('dec:3', 'merge', '3', headsOf(open))]);
    expect(settled?.standing.id).toBe('dec:3');
    expect(settled?.contradiction).toBeUndefined();
    expect(replayPair([])).toBeNull();
  });
});

describe('team documents', () => {
  it('keeps out what does not read as what it claims, with the reason', async () => {
    await expect(decode({ _id: 'x', kind: 'record' as never, body: {} }, null)).rejects.toThrow(RejectedDoc);
    await expect(decode({ _id: 'metric:m', kind: 'metric', sealed: { iv: 'a', data: 'b' } }, null)).rejects.toThrow(/no team passphrase/);
    await expect(decode({ _id: 'pt:m:1:b', kind: 'pt', body: { metricId: 'm', snapshotId: 's', at: 1, value: 'ten', device: 'b' } }, null)).rejects.toThrow(/value/);
    await expect(decode({ _id: 'pt:m:1:b', kind: 'pt', body: { metricId: 'm', snapshotId: 's', at: 1, value: 10, device: 'b' } }, null)).resolves.toMatchObject({ kind: 'pt', body: { value: 10 } });
  });

  it('writes the same body as the same text whatever the key order', () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: undefined }] })).toBe(canonical({ a: [{ d: 2 }], b: 1 }));
  });
});

describe('team database URL', () => {
  it.each([
    'https://couch.example.com:6984/marketing',
    'https://db.team.example.org:6984/growth_team-2',
    'http://localhost:5984/team',
    'http://127.0.0.1:5984/team',
  ])('accepts %s', (url) => expect(TEAM_URL.test(url)).toBe(true));

  it.each([
    'https://couch.example.com/marketing', // port 443: outside the CSP
    'http://couch.example.com:5984/marketing', // clear text off this computer
    'https://couch.example.com:6984/', // no database
    'https://couch.example.com:6984/Marketing', // CouchDB names are lower case
    'https://couch.example.com:6984/_users',
    'https://api.hubapi.com/crm/v3/objects/contacts',
    'https://app.hubspot.com/contacts/4815162/record/0-1/1',
    'https://dashboard.stripe.com/customers/cus_1',
    'https://acme.zendesk.com/agent/tickets/1',
    'https://couch.example.com:6984/team?x=1',
  ])('refuses %s', (url) => expect(TEAM_URL.test(url)).toBe(false));

  it('keeps what the user typed in one form, and asks for the host on every port', () => {
    expect(teamUrlOf('  HTTPS://Couch.Example.com:6984/marketing/ ')).toBe('https://couch.example.com:6984/marketing');
    expect(teamHostPattern('https://couch.example.com:6984/marketing')).toBe('https://couch.example.com/*');
    expect(teamHostPattern('http://127.0.0.1:5984/team')).toBe('http://127.0.0.1/*');
  });
});

describe('team sync errors', () => {
  it('names the problem in plain words from what the server or network said', () => {
    expect(toTeamSyncError({ status: 401 }).kind).toBe('wrong-password');
    expect(toTeamSyncError({ status: 403 }).kind).toBe('refused');
    expect(toTeamSyncError({ status: 404 }).kind).toBe('database-missing');
    expect(toTeamSyncError({ status: 503 }).message).toMatch(/kept and sync on the next try/);
    expect(toTeamSyncError(new TypeError('Failed to fetch')).kind).toBe('offline');
  });
});
