/**
 * A tiny scripted HTTP server on 127.0.0.1 (random port) for the source-client tests, plus a
 * `fetch` that sends every request to it. Library code keeps the real hosts in its URLs
 * (`https://api.semanticscholar.org/...`); the injected fetch rewrites scheme+host+port to the local
 * server and passes the original host in `x-original-host`, so nothing ever reaches the network.
 *
 * Also: `readCassette`, a minimal reader for the vcrpy cassettes in the shared fixtures.
 * Needs the node test environment (`// @vitest-environment node`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Destroy the socket instead of answering (fetch rejects with a TypeError). */
  hangUp?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** The host the client meant (`api.semanticscholar.org`). */
  host: string;
  path: string;
  query: URLSearchParams;
  /** The URL the client meant, with its real host. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Arrival time (Date.now()). */
  at: number;
}

export type Responder =
  | ScriptedResponse
  /** Answered in turn; the last one repeats. */
  | ScriptedResponse[]
  | ((req: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>);

export interface TestServer {
  origin: string;
  requests: RecordedRequest[];
  /** Answer requests whose path (without query) is `path`; `'*'` catches every other path. */
  route(path: string, responder: Responder): void;
  /** fetch that rewrites any http(s) URL to this server. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, { responder: Responder; calls: number }>();
  const requests: RecordedRequest[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const local = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = String(req.headers['x-original-host'] ?? '127.0.0.1');
    const proto = String(req.headers['x-original-proto'] ?? 'https');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      host,
      path: local.pathname,
      query: local.searchParams,
      url: `${proto}://${host}${local.pathname}${local.search}`,
      headers: req.headers,
      body: await readBody(req),
      at: Date.now(),
    };
    requests.push(recorded);

    const route = routes.get(local.pathname) ?? routes.get(safeDecode(local.pathname)) ?? routes.get('*');
    let scripted: ScriptedResponse;
    if (!route) {
      scripted = { status: 404, body: { error: `no route for ${local.pathname}` } };
    } else {
      const r = route.responder;
      const n = route.calls++;
      scripted = typeof r === 'function' ? await r(recorded) : Array.isArray(r) ? (r[Math.min(n, r.length - 1)] ?? {}) : r;
    }

    if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (scripted.hangUp) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed || req.socket.destroyed) return;
    const isText = typeof scripted.body === 'string';
    const payload = scripted.body === undefined ? '' : isText ? (scripted.body as string) : JSON.stringify(scripted.body);
    res.writeHead(scripted.status ?? 200, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
      ...scripted.headers,
    });
    res.end(payload);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const rewritingFetch: typeof fetch = (input, init) => {
    if (typeof input !== 'string' && !(input instanceof URL)) {
      return Promise.reject(new Error('test fetch: pass a URL string (Request objects are not rewritten)'));
    }
    const real = new URL(String(input));
    if (real.protocol !== 'https:' && real.protocol !== 'http:') return Promise.reject(new TypeError(`test fetch: ${real.protocol}`));
    const headers = new Headers(init?.headers);
    headers.set('x-original-host', real.host);
    headers.set('x-original-proto', real.protocol.slice(0, -1));
    return globalThis.fetch(`${origin}${real.pathname}${real.search}`, { ...init, headers });
  };

  return {
    origin,
    requests,
    route(path, responder) {
      routes.set(path, { responder, calls: 0 });
    },
    fetch: rewritingFetch,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------- vcrpy cassettes

export interface CassetteInteraction {
  method: string;
  uri: string;
  status: number;
  body: string;
}

/**
 * Reads the interactions of a vcrpy cassette: request `method`/`uri`, response status
 * (`status_code: 200` or `status: {code: 200}`) and body (`content: '…'` or `body: {string: '…'}`).
 * Only what the shared fixtures use: bodies are YAML single-quoted scalars (`''` is a quote; line
 * breaks fold to one space, each blank line to a newline). Anything else throws.
 */
export function readCassette(yaml: string): CassetteInteraction[] {
  const chunks = yaml.split(/^- request:$/m).slice(1);
  if (chunks.length === 0) throw new Error('cassette: no interactions');
  return chunks.map((chunk, i) => {
    const method = /^ {4}method: (\S+)$/m.exec(chunk)?.[1];
    const uri = /^ {4}uri: (\S+)$/m.exec(chunk)?.[1];
    const status = /^ {4}status_code: (\d+)$/m.exec(chunk)?.[1] ?? /^ {4}status:\n {6}code: (\d+)$/m.exec(chunk)?.[1];
    const responseAt = chunk.search(/^ {2}response:$/m);
    const bodyStart = /^ {4}content: '|^ {6}string: '/m.exec(chunk.slice(responseAt));
    if (!method || !uri || !status || responseAt < 0 || !bodyStart) throw new Error(`cassette: interaction ${i} not understood`);
    const from = responseAt + bodyStart.index + bodyStart[0].length;
    return { method, uri, status: Number(status), body: singleQuoted(chunk, from) };
  });
}

/** The value of a YAML single-quoted scalar whose text starts at `from` (just after the quote). */
function singleQuoted(text: string, from: number): string {
  let raw = '';
  for (let i = from; ; i++) {
    if (i >= text.length) throw new Error('cassette: unterminated quoted scalar');
    const c = text[i];
    if (c === "'") {
      if (text[i + 1] === "'") {
        raw += "'";
        i++;
        continue;
      }
      break;
    }
    raw += c;
  }
  const lines = raw.split('\n');
  let out = '';
  let blankRun = false;
  lines.forEach((line, k) => {
    const first = k === 0;
    const last = k === lines.length - 1;
    const t = first ? line.replace(/[ \t]+$/, '') : last ? line.replace(/^[ \t]+/, '') : line.trim();
    if (first) {
      out = t;
    } else if (t === '' && !last) {
      out += '\n';
      blankRun = true;
    } else {
      out += blankRun ? t : ` ${t}`;
      blankRun = false;
    }
  });
  return out;
}
