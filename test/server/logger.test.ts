// The server's log lines carry no credentials, no PII fields and no query strings.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { loggerOptions } from '../../src/server/logger.ts';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

test('requests are logged by path only, and credentials and PII fields are redacted', () => {
  const out = capture();
  const log = pino(loggerOptions('info') as pino.LoggerOptions, out.stream);
  log.info({ req: { id: 'r1', method: 'GET', url: '/api/events?actor=alice%40example.com', headers: { authorization: 'Bearer wdn_secret', cookie: 'warden_session=abc' } } }, 'request');
  log.info({ body: { username: 'admin', password: 'hunter2-hunter2', token: 'wdn_secret2' } }, 'login');
  log.info({ customer: { email: 'bob@example.com', phone: '+81900000000', name: 'Bob Example', postal_address: '1 Main St' } }, 'oops');
  const text = out.text();
  assert.match(text, /"path":"\/api\/events"/);
  for (const secret of ['alice', 'wdn_secret', 'warden_session=abc', 'hunter2', 'bob@example.com', '+81900000000', 'Bob Example', '1 Main St']) {
    assert.ok(!text.includes(secret), `log contains ${secret}`);
  }
});
