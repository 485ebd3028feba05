import { describe, expect, it, vi } from 'vitest';
import { classifySender, dispatch, type Handlers } from '../../src/protocol/server';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/panel.html' };
const contentScript = { id: 'ext-id', url: 'https://app.hubspot.com/contacts/1/record/0-1/2', tab: { id: 7 }, frameId: 0 };
const context = { connector: 'hubspot', account: '1', type: 'person', id: '2', host: 'app.hubspot.com' };

function spyHandlers() {
  const ok = vi.fn(async () => ({ ok: true as const, data: { key: 'k' } }));
  return { ok, handlers: new Proxy({}, { get: () => ok }) as unknown as Handlers };
}

describe('classifySender', () => {
  it('tells our pages from our content scripts and refuses everyone else', () => {
    expect(classifySender(panel, self.id, self.origin)).toBe('extension');
    expect(classifySender({ ...panel, tab: { id: 3 } }, self.id, self.origin)).toBe('extension');
    expect(classifySender(contentScript, self.id, self.origin)).toBe('content');
    expect(classifySender({ ...contentScript, frameId: 2 }, self.id, self.origin)).toBeNull();
    expect(classifySender({ ...contentScript, id: 'other-extension' }, self.id, self.origin)).toBeNull();
    expect(classifySender({ id: 'other-extension', url: 'chrome-extension://other-extension/x.html' }, self.id, self.origin)).toBeNull();
    expect(classifySender({ id: 'ext-id' }, self.id, self.origin)).toBeNull();
  });
});

describe('dispatch', () => {
  it('runs a well-formed message from an allowed sender', async () => {
    const { ok, handlers } = spyHandlers();
    const reply = await dispatch({ type: 'panel→background:fetchRecord', request: { context, force: false } }, panel, handlers, self);
    expect(reply.ok).toBe(true);
    expect(ok).toHaveBeenCalledOnce();
  });

  it('refuses a content script that asks for a panel-only fetch', async () => {
    const { ok, handlers } = spyHandlers();
    const reply = await dispatch({ type: 'panel→background:fetchRecord', request: { context, force: true } }, contentScript, handlers, self);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'rejected' } });
    expect(ok).not.toHaveBeenCalled();
  });

  it('refuses a content script that tries to connect a token', async () => {
    const { ok, handlers } = spyHandlers();
    const reply = await dispatch({ type: 'options→background:connect', request: { connector: 'hubspot', token: 'x' } }, contentScript, handlers, self);
    expect(reply.ok).toBe(false);
    expect(ok).not.toHaveBeenCalled();
  });

  it.each([
    ['unknown type', { type: 'background:dumpRecords', request: {} }],
    ['prototype key', { type: 'constructor', request: {} }],
    ['no envelope', 'hello'],
    ['bad context', { type: 'panel→background:fetchRecord', request: { context: { ...context, id: '../../x' }, force: false } }],
    ['bad connector', { type: 'panel→background:fetchRecord', request: { context: { ...context, connector: 'evil' }, force: false } }],
  ])('refuses a malformed message: %s', async (_label, message) => {
    const { ok, handlers } = spyHandlers();
    const reply = await dispatch(message, panel, handlers, self);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'rejected' } });
    expect(ok).not.toHaveBeenCalled();
  });
});
