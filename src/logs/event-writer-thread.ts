// The ingest writer thread (see event-writer.ts): its own connection to the SQLite file, one
// transaction per batch, replies in order. Errors are sent back, never thrown into the void.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteFile } from '../store/sqlite/sqlite-dialect.ts';
import { sqliteBatchWriter } from './event-store.ts';
import type { WriterReply, WriterRequest } from './event-writer.ts';

const port = parentPort;
if (!port) throw new Error('event-writer-thread must run as a worker thread');
type Opened = {
  db: ReturnType<typeof openSqliteFile>;
  write: ReturnType<typeof sqliteBatchWriter>;
};
// A thread that cannot open the file or prepare its statements answers every request with why,
// so the ingest that waits on it fails with a reason instead of hanging.
let opened: Opened | { startupError: string };
try {
  const db = openSqliteFile((workerData as { file: string }).file);
  opened = { db, write: sqliteBatchWriter(db) };
} catch (err) {
  opened = {
    startupError: `event writer thread failed to start: ${err instanceof Error ? err.message : String(err)}`,
  };
}

port.on('message', (req: WriterRequest) => {
  let reply: WriterReply;
  if ('startupError' in opened) {
    reply =
      'close' in req
        ? { seq: req.seq, closed: true }
        : { seq: req.seq, error: opened.startupError };
  } else if ('close' in req) {
    opened.db.close();
    reply = { seq: req.seq, closed: true };
  } else {
    try {
      reply = { seq: req.seq, ...opened.write(req.events, req.quarantine) };
    } catch (err) {
      reply = { seq: req.seq, error: err instanceof Error ? err.message : String(err) };
    }
  }
  port.postMessage(reply);
});
