// A local SMTP sink for bench/notify-send.ts, in its own process so it does not share the
// sender's event loop: accepts everything, counts messages, prints its port on stdout.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, cb) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count++;
      cb(null);
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  process.stderr.write(`sink received ${count}\n`);
  server.close(() => process.exit(0));
});
