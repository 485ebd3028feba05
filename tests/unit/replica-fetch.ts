/** The part of a vendor replica (tests/replica/*.mjs) that answers API requests. */
export interface ApiReplica {
  hosts: { api: string[] };
  handleApi(req: unknown, res: unknown, url: URL, body?: unknown): unknown;
}

/**
 * A fetch answered by a replica's handler in-process, the way its HTTPS server would answer it,
 * so connectors run end to end in unit tests. A request to any host but the replica's API hosts
 * is refused; `sentTo` collects every host asked.
 */
export function answerFromReplica(replica: ApiReplica, sentTo: string[] = []) {
  return (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    sentTo.push(url.hostname);
    if (!replica.hosts.api.includes(url.hostname)) return Promise.reject(new TypeError(`request left the replica: ${url.hostname}`));
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    return new Promise((resolve) => {
      const res = {
        status: 200,
        headers: {} as Record<string, string>,
        headersSent: false,
        setHeader(name: string, value: string) {
          this.headers[name] = value;
        },
        writeHead(status: number, extra: Record<string, string> = {}) {
          this.status = status;
          Object.assign(this.headers, extra);
          return this;
        },
        end(body?: string) {
          resolve(new Response(body || null, { status: this.status, headers: this.headers }));
        },
      };
      // JSON bodies parsed, others (a form-encoded OAuth token request) as text, as the server's readBody does.
      const body = init.body ? parseBody(String(init.body)) : undefined;
      void replica.handleApi({ method: init.method ?? 'GET', headers, socket: { destroy() {} } }, res, url, body);
    });
  };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
