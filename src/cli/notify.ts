// `warden notify draft|send|status|letters|bounces|lookup|faq`: the customer-notice commands, thin
// over src/notify (send: email through SMTP, SMS through the HTTP gateway). Machine output
// (--json) on stdout; counts and progress on stderr.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { getIncident } from '../incidents/incident-store.ts';
import { applyBounceFiles } from '../notify/apply-bounces.ts';
import { callCentreLookup } from '../notify/call-centre-lookup.ts';
import { draftNotices, noticeCounts } from '../notify/draft-notices.ts';
import { createEmailTransport } from '../notify/email-transport.ts';
import { countNotices } from '../notify/ledger-store.ts';
import { loadOrgProfile } from '../notify/org-profile.ts';
import { renderLetters } from '../notify/render-letters.ts';
import { sendEmailNotices } from '../notify/send-email-notices.ts';
import { sendSmsNotices } from '../notify/send-sms-notices.ts';
import { HttpSmsGateway, smsConfigFromEnv } from '../notify/sms-gateway.ts';
import { DEFAULT_TEMPLATES_DIR } from '../notify/template-renderer.ts';
import { type CommandContext, runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';
import { progressBar } from './progress-bar.ts';

function positiveInt(v: string, where: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new WardenError('bad_usage', `'${v}' is not a whole number`, where);
  return n;
}

interface SendFlags {
  channel: string;
  smtp?: string;
  from?: string;
  rate: string;
  connections: string;
}

async function sendEmail(ctx: CommandContext, incident: string, opts: SendFlags): Promise<number> {
  if (!opts.smtp) throw new WardenError('bad_usage', 'an SMTP URL is required', '--smtp');
  const org = loadOrgProfile();
  const transport = createEmailTransport(opts.smtp, { rate: positiveInt(opts.rate, '--rate'), maxConnections: Math.max(1, positiveInt(opts.connections, '--connections')) });
  const store = await ctx.store();
  const bar = progressBar('sending', 'notices');
  try {
    const s = await sendEmailNotices(store, ctx.keyring(), incident, { transport, from: opts.from ?? `${org.name} <notices@${org.domain}>`, org, actor: ctx.actor(), onProgress: (d, t) => bar.update(d, t) });
    bar.stop();
    const c = await countNotices(store, incident, 'email');
    process.stderr.write(`sent ${s.sent}, failed ${s.failed}, retried ${s.retried}; email ledger: ${c.sent} sent, ${c.queued} queued, ${c.failed} failed, ${c.bounced} bounced\n`);
    return 0;
  } finally {
    transport.close();
  }
}

async function sendSms(ctx: CommandContext, incident: string, opts: SendFlags): Promise<number> {
  const gateway = new HttpSmsGateway(smsConfigFromEnv());
  const pacing = { rate: positiveInt(opts.rate, '--rate'), concurrency: Math.max(1, positiveInt(opts.connections, '--connections')) };
  const store = await ctx.store();
  await getIncident(store, incident);
  if (!(await countNotices(store, incident, 'sms')).by_channel.sms) {
    process.stderr.write(`no SMS alerts drafted for ${incident}: run \`warden notify draft ${incident} --sms\` first\n`);
    return 0;
  }
  const bar = progressBar('sending', 'SMS');
  const s = await sendSmsNotices(store, ctx.keyring(), incident, { gateway, org: loadOrgProfile(), actor: ctx.actor(), ...pacing, onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  const c = await countNotices(store, incident, 'sms');
  process.stderr.write(`sent ${s.sent}, failed ${s.failed}, retried ${s.retried}, left queued ${s.deferred}; sms ledger: ${c.sent} sent, ${c.queued} queued, ${c.failed} failed\n`);
  return 0;
}

const SENDERS: Record<string, (ctx: CommandContext, incident: string, opts: SendFlags) => Promise<number>> = { email: sendEmail, sms: sendSms };

function registerSend(notify: Command): void {
  notify
    .command('send <incident>')
    .description('send the drafted customer notices (email) or SMS alerts (sms); resumable, idempotent')
    .requiredOption('--channel <channel>', 'email or sms (SMS gateway from WARDEN_SMS_URL, WARDEN_SMS_USER, WARDEN_SMS_TOKEN)')
    .option('--smtp <url>', 'smtp://[user:pass@]host:port (STARTTLS when offered) or smtps://', process.env.WARDEN_SMTP_URL)
    .option('--from <addr>', 'From address (default notices@ the official domain)')
    .option('--rate <n>', 'messages per second (0 = unlimited)', '0')
    .option('--connections <n>', 'pooled SMTP connections, or SMS gateway requests at once', '5')
    .action(async (incident: string, opts: SendFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const send = SENDERS[opts.channel];
        if (!send) throw new WardenError('bad_usage', `channel '${opts.channel}' cannot be sent from here (email or sms; letters: warden notify letters)`, '--channel');
        return send(ctx, incident, opts);
      }),
    );
}

function registerLedger(notify: Command): void {
  notify
    .command('draft <incident>')
    .description('create the ledger rows: email for customers with an email address, letters for the rest')
    .option('--sms', 'also an SMS alert for every affected customer with a phone number (besides their notice)')
    .option('--json', 'machine output on stdout')
    .action(async (incident: string, opts: { sms?: boolean; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const s = await draftNotices(await ctx.store(), ctx.keyring(), incident, ctx.actor(), { sms: opts.sms === true });
        if (opts.json) process.stdout.write(`${JSON.stringify(s)}\n`);
        else process.stderr.write(`drafted ${s.drafted} notices: ${s.email} email, ${s.letter} letter${s.sms === undefined ? '' : `; ${s.sms} SMS alerts`}\n`);
        return 0;
      }),
    );
  notify
    .command('status <incident>')
    .description('the delivery ledger')
    .option('--json', 'machine output on stdout')
    .action(async (incident: string, opts: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        if (opts.json) process.stdout.write(`${JSON.stringify(await noticeCounts(store, incident))}\n`);
        else {
          const c = await countNotices(store, incident);
          for (const [ch, n] of Object.entries(c.by_channel)) process.stderr.write(`${ch.padEnd(8)} queued ${n.queued}  sent ${n.sent}  failed ${n.failed}  bounced ${n.bounced}\n`);
          process.stderr.write(`${'total'.padEnd(8)} queued ${c.queued}  sent ${c.sent}  failed ${c.failed}  bounced ${c.bounced}\n`);
        }
        return 0;
      }),
    );
  notify
    .command('bounces <files...>')
    .description('feed bounce messages (DSN .eml) back: bounced notices fall to the letter channel')
    .option('--json', 'machine output on stdout')
    .action(async (files: string[], opts: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const s = await applyBounceFiles(await ctx.store(), files, ctx.actor());
        for (const p of s.problems) process.stderr.write(`${p.where}: ${p.message}\n`);
        if (opts.json) process.stdout.write(`${JSON.stringify({ files: s.files, bounced: s.bounced, ignored: s.ignored, problems: s.problems.length })}\n`);
        else process.stderr.write(`${s.files} files: ${s.bounced} bounced, ${s.ignored} ignored, ${s.problems.length} problems\n`);
        return s.problems.length > 0 ? 1 : 0;
      }),
    );
}

function registerLetters(notify: Command): void {
  notify
    .command('letters <incident>')
    .description('PDF letters for customers without email or whose email bounced or failed')
    .requiredOption('--out <dir>', 'folder for the PDFs and manifest.csv')
    .option('--merge', 'one merged print file instead of one file per customer')
    .option('--all', 'render again letters already rendered')
    .action(async (incident: string, opts: { out: string; merge?: boolean; all?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const bar = progressBar('letters', 'letters');
        const s = await renderLetters(await ctx.store(), ctx.keyring(), incident, { out: opts.out, merge: opts.merge === true, all: opts.all === true, org: loadOrgProfile(), actor: ctx.actor(), onProgress: (d, t) => bar.update(d, t) });
        bar.stop();
        process.stderr.write(`${s.letters} letters in ${s.files} files; manifest ${s.manifest}\n`);
        return 0;
      }),
    );
}

function registerCallCentre(notify: Command): void {
  notify
    .command('lookup')
    .description('call-centre lookup: is this caller affected, and which of their data (audited)')
    .option('--phone <phone>')
    .option('--email <email>')
    .option('--id <id>')
    .option('--locale <locale>', 'ja or en labels', 'ja')
    .option('--json', 'machine output on stdout')
    .action(async (opts: { phone?: string; email?: string; id?: string; locale: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const given = [opts.phone && { phone: opts.phone }, opts.email && { email: opts.email }, opts.id && { id: opts.id }].filter(Boolean);
        const lookup = given[0];
        if (given.length !== 1 || !lookup) throw new WardenError('bad_usage', 'give exactly one of --phone, --email, --id', 'notify lookup');
        const r = await callCentreLookup(await ctx.store(), ctx.keyring(), lookup, ctx.actor(), opts.locale === 'en' ? 'en' : 'ja');
        if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else if (!r.affected) process.stderr.write(r.matched_customers ? 'customer found: NOT affected by any incident\n' : 'no customer matches\n');
        else for (const h of r.hits) process.stderr.write(`AFFECTED ${h.customer_id} in ${h.incident_id} (${h.basis}): ${h.field_labels.join(', ')}; notices ${h.notices.map((n) => `${n.channel}=${n.state}`).join(' ') || 'none'}\n`);
        return 0;
      }),
    );
  notify
    .command('faq')
    .description('the call-centre FAQ (Markdown on stdout)')
    .option('--locale <locale>', 'ja or en', 'ja')
    .action(async (opts: { locale: string }) => {
      process.stdout.write(readFileSync(`${DEFAULT_TEMPLATES_DIR}/${opts.locale === 'en' ? 'en' : 'ja'}/faq.md`, 'utf8'));
    });
}

export function register(program: Command): void {
  const notify = program.command('notify').description('customer notices: draft, send, track, letters, bounces, call-centre lookup');
  registerLedger(notify);
  registerSend(notify);
  registerLetters(notify);
  registerCallCentre(notify);
}
