import { describe, expect, it, vi } from 'vitest';
import { parseRetryAfter, redactCredentials, requestJson } from '../../src/connectors/http';
import { ConnectorError } from '../../src/connectors/errors';
import { RateLimiter } from '../../src/connectors/rate-limiter';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function scripted(...responses: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('no more scripted responses');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const base = { vendor: 'HubSpot', object: 'contact 1', url: 'https://api.hubapi.com/x', token: 'secret-token' };

describe('requestJson', () => {
  it('sends the token as a bearer header and returns the JSON body', async () => {
    const { fetchImpl, calls } = scripted(json(200, { id: '1' }));
    await expect(requestJson({ ...base, fetchImpl })).resolves.toEqual({ id: '1' });
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer secret-token');
    expect(calls[0]!.init.credentials).toBe('omit');
  });

  it('follows no redirect, so a header token never reaches another origin', async () => {
    const { createServer } = await import('node:http');
    const seen: Array<string | undefined> = [];
    const elsewhere = createServer((req, res) => {
      seen.push(req.headers['x-api-token'] as string | undefined);
      res.end('{}');
    });
    const vendor = createServer((_req, res) => {
      const { port } = elsewhere.address() as { port: number };
      res.writeHead(307, { location: `http://127.0.0.1:${port}/steal` }).end();
    });
    await Promise.all([elsewhere, vendor].map((server) => new Promise<void>((done) => server.listen(0, '127.0.0.1', done))));
    try {
      const { port } = vendor.address() as { port: number };
      const call = requestJson({ ...base, url: `http://127.0.0.1:${port}/v1/persons`, authHeaders: { 'x-api-token': 'pipedrive-secret' }, retries: 0 });
      await expect(call).rejects.toMatchObject({ kind: 'network' });
      expect(seen).toEqual([]);
    } finally {
      await Promise.all([elsewhere, vendor].map((server) => new Promise((done) => server.close(done))));
    }
  });

  it('waits for Retry-After on a 429 and then succeeds', async () => {
    const { fetchImpl, calls } = scripted(json(429, { message: 'slow down' }, { 'retry-after': '0.05' }), json(200, { ok: true }));
    const started = Date.now();
    await expect(requestJson({ ...base, fetchImpl })).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('gives up with a rate-limit error when Retry-After is longer than it may wait', async () => {
    const { fetchImpl } = scripted(json(429, {}, { 'retry-after': '120' }));
    const error = await requestJson({ ...base, fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('rate-limit');
    expect((error as ConnectorError).detail.retryAfterMs).toBe(120_000);
  });

  it('says the token was rejected on a 401, without repeating the token', async () => {
    const { fetchImpl } = scripted(json(401, { message: 'Authentication credentials not found.' }));
    const error = (await requestJson({ ...base, fetchImpl }).catch((e: unknown) => e)) as ConnectorError;
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/rejected the token/);
    expect(error.message).not.toContain('secret-token');
  });

  it('retries a 5xx, then reports the vendor error', async () => {
    const { fetchImpl, calls } = scripted(json(503, {}), json(502, {}), json(500, { message: 'boom' }));
    const error = (await requestJson({ ...base, fetchImpl, retries: 2 }).catch((e: unknown) => e)) as ConnectorError;
    expect(calls).toHaveLength(3);
    expect(error.kind).toBe('vendor');
    expect(error.message).toContain('500');
  }, 10_000);

  it('reports the vendor’s 5xx, not a network error, when the browser then refuses the retry', async () => {
    const { fetchImpl } = scripted(json(503, { message: 'maintenance' }), new TypeError('net::ERR_TEMPORARILY_THROTTLED'));
    const error = (await requestJson({ ...base, fetchImpl, retries: 2 }).catch((e: unknown) => e)) as ConnectorError;
    expect(error.kind).toBe('vendor');
    expect(error.message).toContain('503');
  });

  it('maps 404 to not-found and a failed fetch to a network error', async () => {
    const notFound = scripted(json(404, { message: 'resource not found' }));
    expect(((await requestJson({ ...base, fetchImpl: notFound.fetchImpl }).catch((e: unknown) => e)) as ConnectorError).kind).toBe('not-found');
    const offline = scripted(new TypeError('Failed to fetch'));
    expect(((await requestJson({ ...base, fetchImpl: offline.fetchImpl }).catch((e: unknown) => e)) as ConnectorError).kind).toBe('network');
  });

  it('reports a body that is not JSON as a schema error', async () => {
    const { fetchImpl } = scripted(new Response('<html>login</html>', { status: 200 }));
    expect(((await requestJson({ ...base, fetchImpl }).catch((e: unknown) => e)) as ConnectorError).kind).toBe('schema');
  });
});

describe('vendor error text that echoes the credential', () => {
  const TOKEN = 'pat-na1-7f3c9e21-5b8d-4a6e-9c0f-2d4b6a8e1f37';
  const hubspot = { ...base, token: TOKEN };

  it.each([
    ['the bearer header', `Invalid authorization header: Bearer ${TOKEN}`],
    ['the token in quotes', `The token "${TOKEN}" lacks the crm.objects.contacts.read scope`],
    ['a truncated token', `Key ${TOKEN.slice(0, 20)}… is not valid for portal 4815162`],
    ['its last part', `Token ending in ${TOKEN.slice(-14)} expired`],
  ])('cuts out %s from a 403 and a 5xx message', async (_case, message) => {
    for (const status of [403, 500]) {
      const { fetchImpl } = scripted(json(status, { status: 'error', message }));
      const error = (await requestJson({ ...hubspot, fetchImpl, retries: 0 }).catch((e: unknown) => e)) as ConnectorError;
      expect(error.message).toContain('[redacted]');
      expect(error.message).not.toMatch(/7f3c9e21|2d4b6a8e1f37|5b8d-4a6e/);
      expect(error.detail.vendorMessage).not.toMatch(/7f3c9e21|2d4b6a8e1f37/);
    }
  });

  it('cuts out a Basic header and the key inside it, for vendors with their own header and error shape', async () => {
    const key = 'e3b0c44298fc1c149afbf4c8996fb924-us6';
    const header = `Basic ${btoa(`anystring:${key}`)}`;
    const { fetchImpl } = scripted(json(400, { errors: [{ detail: `Bad header ${header} for key ${key}` }] }));
    const error = (await requestJson({
      ...base,
      vendor: 'Mailchimp',
      token: key,
      authHeaders: { authorization: header },
      vendorMessage: (body) => (body as { errors: Array<{ detail: string }> }).errors[0]!.detail,
      fetchImpl,
    }).catch((e: unknown) => e)) as ConnectorError;
    expect(error.message).toBe('Mailchimp answered 400 for the contact 1. Bad header [redacted] for key [redacted]');
  });

  it('keeps the vendor’s other words, ids and emails as they were', () => {
    const text = 'Property "firstname" does not exist on contact 1234567890123 (ann.lee@acme-robotics.com); see https://developers.hubspot.com/docs/api/crm/contacts';
    expect(redactCredentials(text, [TOKEN, `Bearer ${TOKEN}`])).toBe(text);
    expect(redactCredentials(`short ${TOKEN.slice(0, 11)}`, [TOKEN])).toBe(`short ${TOKEN.slice(0, 11)}`);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(null)).toBe(1000);
  });
});

describe('RateLimiter', () => {
  it('lets max requests through per window and makes the next one wait for the window to slide', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(2, 1000, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    await limiter.take();
    await limiter.take();
    await limiter.take();
    expect(waits).toEqual([1000]);
    limiter.pauseFor(500);
    await limiter.take();
    expect(waits).toEqual([1000, 500]);
  });
});
