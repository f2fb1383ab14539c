// Benchmark: sending the demo's email notices (ledger, decryption, rendering included) to a
// local SMTP sink, against the floor of a bare pooled nodemailer loop sending the same,
// pre-built messages; and letters rendered per second. Needs a demo store:
//   WARDEN_KEY_FILE=/tmp/x.key node bin/warden.js demo --no-serve --customers 100000 --affected 21000 --db sqlite:/tmp/x.db
//   WARDEN_KEY_FILE=/tmp/x.key WARDEN_DB=sqlite:/tmp/x.db node --import tsx bench/notify-send.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { loadConfig } from '../src/config.ts';
import { loadKeyring } from '../src/crypto/keyring.ts';
import { listIncidents } from '../src/incidents/incident-store.ts';
import { draftNotices } from '../src/notify/draft-notices.ts';
import { buildEmailMessage } from '../src/notify/email-message.ts';
import { createEmailTransport } from '../src/notify/email-transport.ts';
import { ledgerDb, listNotices } from '../src/notify/ledger-store.ts';
import { buildNoticeContext, noticeLocale } from '../src/notify/notice-context.ts';
import { loadCustomerInputs, loadNoticeFacts } from '../src/notify/notice-inputs.ts';
import { loadOrgProfile } from '../src/notify/org-profile.ts';
import { renderLetters } from '../src/notify/render-letters.ts';
import { sendEmailNotices } from '../src/notify/send-email-notices.ts';
import { TemplateRenderer } from '../src/notify/template-renderer.ts';
import { openStore } from '../src/store/open-store.ts';

const CONNECTIONS = 5;
const WINDOW = Number(process.env.BENCH_WINDOW ?? 100);
const LETTERS = process.env.BENCH_LETTERS !== '0';
const config = loadConfig();
const store = await openStore(config.db);
const keyring = loadKeyring({ envKey: config.key, keyFile: config.keyFile });
const first = (await listIncidents(store))[0];
if (!first) throw new Error('no incident in the store: build the demo first');
const incident = first;
const org = loadOrgProfile();
await draftNotices(store, keyring, incident.id, 'bench');

async function startSink(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'notify-smtp-sink.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { url: `smtp://127.0.0.1:${line.trim()}`, stop: () => child.kill('SIGTERM') };
}

async function resetEmailRows(): Promise<void> {
  await ledgerDb(store).updateTable('notices').set({ state: 'queued', attempts: 0, smtp_response: null, last_error: null }).where('incident_id', '=', incident.id).where('channel', '=', 'email').execute();
}

async function buildFloorMessages(): Promise<Mail.Options[]> {
  const facts = await loadNoticeFacts(store, incident.id);
  const renderer = new TemplateRenderer();
  const rows = await listNotices(store, incident.id, { channel: 'email' });
  const inputs = await loadCustomerInputs(store, keyring, incident.id, rows.map((r) => r.customer_id));
  return rows.flatMap((row) => {
    const input = inputs.get(row.customer_id);
    if (!input?.customer.email) return [];
    const locale = noticeLocale(input.customer.locale);
    const ctx = buildNoticeContext({ locale, org, customerName: input.customer.name, fields: input.fields, facts, fakeDomains: [], reference: row.id });
    return [buildEmailMessage({ key: row.id, domain: org.domain, from: 'n@example-motor.example', to: input.customer.email, locale, rendered: renderer.renderEmail(ctx) })];
  });
}

interface Rate {
  wall: number;
  cpu: number;
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function floorRun(url: string, messages: Mail.Options[], inWindows = 0): Promise<Rate> {
  const transport = createEmailTransport(url, { maxConnections: CONNECTIONS });
  const c0 = cpuSeconds();
  const t0 = performance.now();
  if (inWindows === 0) await Promise.all(messages.map((m) => transport.sendMail(m)));
  else for (let i = 0; i < messages.length; i += inWindows) await Promise.all(messages.slice(i, i + inWindows).map((m) => transport.sendMail(m)));
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  transport.close();
  return { wall: messages.length / secs, cpu: messages.length / cpu };
}

async function wardenRun(url: string): Promise<Rate & { sent: number }> {
  await resetEmailRows();
  const transport = createEmailTransport(url, { maxConnections: CONNECTIONS });
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const s = await sendEmailNotices(store, keyring, incident.id, { transport, from: 'n@example-motor.example', org, actor: 'bench', window: WINDOW });
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  transport.close();
  return { wall: s.sent / secs, cpu: s.sent / cpu, sent: s.sent };
}

const sink = await startSink();
const messages = await buildFloorMessages();
console.log(`incident ${incident.id}: ${messages.length} email notices, ${CONNECTIONS} pooled connections, ledger window ${WINDOW}`);
const floors: Rate[] = [];
const wardens: Rate[] = [];
for (let round = 1; round <= 2; round++) {
  const f = await floorRun(sink.url, messages);
  floors.push(f);
  if (process.env.BENCH_PROBE) console.log(`probe: bare loop in sequential windows of ${WINDOW}: ${(await floorRun(sink.url, messages, WINDOW)).wall.toFixed(0)} msg/s`);
  const w = await wardenRun(sink.url);
  wardens.push(w);
  console.log(`round ${round}: floor ${f.wall.toFixed(0)} msg/s wall, ${f.cpu.toFixed(0)} msg/cpu-s; warden ${w.wall.toFixed(0)} msg/s wall, ${w.cpu.toFixed(0)} msg/cpu-s (${w.sent} sent)`);
}
sink.stop();
const best = (rs: Rate[], k: keyof Rate) => Math.max(...rs.map((r) => r[k]));
console.log(`baseline (bare pooled nodemailer): ${best(floors, 'wall').toFixed(0)} msg/s wall, ${best(floors, 'cpu').toFixed(0)} msg per cpu-second`);
console.log(`warden notify send (ledger, decrypt, render): ${best(wardens, 'wall').toFixed(0)} msg/s wall, ${best(wardens, 'cpu').toFixed(0)} msg per cpu-second`);
console.log(`ratio: ${(best(wardens, 'wall') / best(floors, 'wall')).toFixed(2)}x wall, ${(best(wardens, 'cpu') / best(floors, 'cpu')).toFixed(2)}x cpu (target >= 0.8x)`);

// Letters: re-render a slice of the letter channel, per-file and merged.
const out = mkdtempSync(join(tmpdir(), 'warden-letters-'));
const letterRows = (await listNotices(store, incident.id, { channel: 'letter' })).slice(0, 300).map((r) => r.id);
for (const merge of LETTERS ? [false, true] : []) {
  await ledgerDb(store).updateTable('notices').set({ state: 'queued' }).where('channel', '=', 'letter').where('incident_id', '=', incident.id).execute();
  await ledgerDb(store).updateTable('notices').set({ state: 'sent' }).where('channel', '=', 'letter').where('incident_id', '=', incident.id).where('id', 'not in', letterRows).execute();
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const s = await renderLetters(store, keyring, incident.id, { out: join(out, String(merge)), merge, org, actor: 'bench' });
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  console.log(`letters (${merge ? 'merged' : 'one file each'}): ${s.letters} in ${secs.toFixed(1)} s wall, ${cpu.toFixed(1)} cpu-s = ${(s.letters / secs).toFixed(0)} letters/s wall, ${(s.letters / cpu).toFixed(0)} per cpu-s`);
}
await ledgerDb(store).updateTable('notices').set({ state: 'queued' }).where('channel', '=', 'letter').where('incident_id', '=', incident.id).execute();
rmSync(out, { recursive: true, force: true });
await store.close();
