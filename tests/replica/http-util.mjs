// Small helpers shared by the vendor replicas.
import { randomUUID } from 'node:crypto';

export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'access-control-allow-origin': '*', ...headers });
  res.end(JSON.stringify(body));
}

export function sendHtml(res, status, title, bodyHtml) {
  res.writeHead(status, { 'content-type': 'text/html;charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;margin:0;background:#f5f8fa;color:#33475b}header{background:#2d3e50;color:#fff;padding:10px 20px}
main{padding:20px;max-width:1100px}dl{display:grid;grid-template-columns:180px 1fr;gap:6px}a{color:#0091ae}</style></head>
<body><header>${escapeHtml(title)}</header><main>${bodyHtml}</main></body></html>`);
}

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export const correlationId = () => randomUUID();

/**
 * @typedef {{ pathIncludes: string, status?: number, body?: unknown, headers?: Record<string, string>, times: number, delayMs?: number, destroy?: boolean }} Fault
 * A fault's body may say `{auth}`: it is replaced with the request's credential header, as a
 * careless vendor echoes it in an error message.
 * @typedef {{ host: string, method: string, path: string, at: number, auth: boolean }} LoggedRequest
 */

/** Fresh test hooks for one replica: valid tokens, the request log and queued faults. */
export function replicaState(tokens) {
  return {
    tokens: new Set(tokens),
    /** @type {LoggedRequest[]} */
    requests: [],
    /** @type {Fault[]} */
    faults: [],
  };
}

/**
 * Test hooks shared by every replica: a request log (never the token) and queued faults.
 * Returns true when a fault answered the request.
 */
export async function applyFaults(state, req, res, path) {
  const fault = state.faults.find((f) => path.includes(f.pathIncludes) && f.times > 0);
  if (!fault) return false;
  fault.times -= 1;
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.destroy) {
    req.socket.destroy();
    return true;
  }
  if (fault.status === undefined) return false;
  const credential = JSON.stringify(String(req.headers.authorization ?? req.headers['x-api-token'] ?? req.headers['api-key'] ?? '')).slice(1, -1);
  sendJson(res, fault.status, JSON.parse(JSON.stringify(fault.body ?? {}).replaceAll('{auth}', credential)), fault.headers ?? {});
  return true;
}

/** Sliding-window limiter per key, like the vendors' own. */
export function windowLimiter(max, windowMs) {
  const hits = new Map();
  return {
    hit(key, now = Date.now()) {
      const list = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      list.push(now);
      hits.set(key, list);
      return { allowed: list.length <= max, remaining: Math.max(0, max - list.length) };
    },
    reset() {
      hits.clear();
    },
  };
}
