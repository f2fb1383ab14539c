// A real HTTP SMS gateway for the tests (node:http on a free port): records every POST (headers
// and JSON body) and answers 202, or 400 / 503 for chosen numbers, or 503 to all while `down`.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedSms {
  headers: IncomingMessage['headers'];
  body: { to: string; text: string; reference: string };
  status: number;
}

export interface GatewayBehaviour {
  /** Numbers answered 400 (invalid number): a permanent failure. */
  reject?: Set<string>;
  /** Numbers answered 503 every time. */
  unavailable?: Set<string>;
  /** Numbers answered 503 this many times, then accepted. */
  flaky?: Map<string, number>;
  /** Every request answered 503. */
  down?: boolean;
}

export interface LocalSmsGateway {
  url: string;
  posted: PostedSms[];
  behaviour: GatewayBehaviour;
  /** Accepted posts (202) only. */
  accepted(): PostedSms[];
  close(): Promise<void>;
}

function answer(b: GatewayBehaviour, to: string): number {
  if (b.down || b.unavailable?.has(to)) return 503;
  if (b.reject?.has(to)) return 400;
  const left = b.flaky?.get(to) ?? 0;
  if (left > 0) {
    b.flaky?.set(to, left - 1);
    return 503;
  }
  return 202;
}

export async function startSmsGateway(behaviour: GatewayBehaviour = {}): Promise<LocalSmsGateway> {
  const posted: PostedSms[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as PostedSms['body'];
      const status = answer(behaviour, body.to);
      posted.push({ headers: req.headers, body, status });
      if (status === 202)
        res.writeHead(202, { 'content-type': 'application/json' }).end(`{"id":"sms-${++n}"}`);
      else if (status === 400) res.writeHead(400).end('{"error":"invalid number"}');
      else res.writeHead(503).end('busy');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`,
    posted,
    behaviour,
    accepted: () => posted.filter((p) => p.status === 202),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
