// Connects to NATS for a long-running process: reconnects forever with a capped wait, waits
// for a server on the first connect too, and reports status changes on stderr.
import { connect, type NatsConnection } from 'nats';

export async function connectNats(url: string, name: string, log: (line: string) => void = () => {}): Promise<NatsConnection> {
  const nc = await connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    reconnectJitter: 250,
    waitOnFirstConnect: true,
    pingInterval: 5000,
  });
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect') log(`nats ${s.type} ${String(s.data)}`);
    }
  })();
  return nc;
}
