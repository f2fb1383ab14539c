// `warden vendors …` (tiers, assessments, scores, risk, findings, reviews, reminders,
// questionnaires) and `warden assessments import-caiq FILE`: thin faces of src/oversee. Machine
// output (`--json`) on stdout; human summaries on stderr. Link tokens are printed once, never logged.
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { WardenError } from '../errors.ts';
import { listFindings, updateFinding } from '../oversee/findings-store.ts';
import { importCaiq } from '../oversee/import-caiq.ts';
import { getQuestionnaire, listQuestionnaires } from '../oversee/library.ts';
import { smtpMailer } from '../oversee/mail-adapter.ts';
import { reminderText, runReminders } from '../oversee/reminders.ts';
import { recordReview, upcomingReviews } from '../oversee/reviews-store.ts';
import { scoreAndRecord } from '../oversee/score-assessment.ts';
import { startAssessment } from '../oversee/start-assessment.ts';
import { listVendorTiers, overrideTier, vendorTier } from '../oversee/tier-store.ts';
import { vendorRisk } from '../oversee/vendor-risk.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

const DEFAULT_BASE = 'http://127.0.0.1:8080';
const out = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
const say = (s: string) => process.stderr.write(`${s}\n`);
const collect = (v: string, prev: string[] = []) => [...prev, v];

function registerVendors(program: Command): void {
  const vendors = program.command('vendors').description('vendor oversight: tiers, assessments, risk, findings, reviews');
  vendors
    .command('tier [vendor]')
    .description('inherent risk and tier (explained); --set/--clear an analyst override')
    .option('--set <tier>', 'override the tier: critical, high, medium, low')
    .option('--reason <text>', 'why (required with --set)')
    .option('--clear', 'remove the override')
    .option('--json', 'machine output on stdout')
    .action(async (vendor: string | undefined, o: { set?: string; reason?: string; clear?: boolean; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        if ((o.set || o.clear) && !vendor) throw new WardenError('bad_usage', 'name the vendor to override', 'vendor');
        const tiers = o.set || o.clear ? [await overrideTier(store, vendor ?? '', o.set ?? null, o.reason ?? '', ctx.actor())] : vendor ? [await vendorTier(store, vendor)] : await listVendorTiers(store);
        if (o.json) out(vendor ? tiers[0] : tiers);
        else for (const t of tiers) {
          say(`${t.vendor_id.padEnd(20)} ${t.tier.padEnd(9)} inherent ${t.score}${t.override ? ` (override of ${t.computed_tier}: ${t.override.reason})` : ''}`);
          for (const l of t.lines) say(`  ${l.factor.padEnd(14)} ${String(l.points).padStart(5)}/${l.max}  ${l.reason}`);
        }
        return 0;
      }),
    );
  vendors
    .command('assess <vendor>')
    .description("start an assessment (the tier's questionnaires unless named) and print its single-use portal link")
    .option('--questionnaire <id>', 'library questionnaire (repeatable)', collect)
    .option('--contact <email>', "recipient (default: the vendor's first contact)")
    .option('--due <iso>', 'due date (default: in 21 days)')
    .option('--base-url <url>', 'where `warden serve` is reachable', DEFAULT_BASE)
    .option('--smtp <url>', 'email the link through this SMTP server')
    .option('--from <address>', 'sender address', 'oversight@warden.invalid')
    .option('--json', 'machine output on stdout')
    .action(async (vendor: string, o: { questionnaire?: string[]; contact?: string; due?: string; baseUrl: string; smtp?: string; from: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        const r = await startAssessment(store, vendor, { ...(o.questionnaire ? { questionnaires: o.questionnaire } : {}), ...(o.contact ? { contact_email: o.contact } : {}), ...(o.due ? { due_at: o.due } : {}) }, ctx.actor());
        const link = `${o.baseUrl.replace(/\/$/, '')}/portal/open/${r.token}`;
        let emailed = false;
        if (o.smtp && r.assessment.contact_email) {
          const mailer = smtpMailer(o.smtp, o.from);
          try {
            const m = reminderText(r.assessment.title, '7d', r.assessment.due_at, link);
            await mailer.send({ to: r.assessment.contact_email, subject: `Security assessment requested: ${r.assessment.title}`, text: m.text.replace(/ is due in 7 days/, ' has been sent to you') });
            emailed = true;
          } finally {
            mailer.close();
          }
        }
        if (o.json) out({ id: r.assessment.id, vendor_id: vendor, questions: r.assessment.questionnaire.questions.length, due_at: r.assessment.due_at, contact_email: r.assessment.contact_email, link, expires_at: r.expires_at, emailed });
        else {
          say(`assessment ${r.assessment.id}: ${r.assessment.questionnaire.questions.length} questions, due ${r.assessment.due_at.slice(0, 10)}${emailed ? `, emailed to ${r.assessment.contact_email}` : ''}`);
          process.stdout.write(`${link}\n`);
        }
        return 0;
      }),
    );
  vendors
    .command('score <assessment>')
    .description('score a submitted assessment, record per-control gaps and raise findings')
    .option('--json', 'machine output on stdout')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const r = await scoreAndRecord(await ctx.store(), id, ctx.actor());
        if (o.json) out(r);
        else {
          say(`score ${r.score.score}% (${r.score.earned}/${r.score.possible}); ${r.score.unanswered} unanswered; ${r.findings_created} new findings`);
          for (const c of r.score.controls.filter((g) => g.gap > 0)) say(`  gap ${String(c.gap).padStart(5)}  ${c.control}  (${c.failing.join(', ')})`);
        }
        return 0;
      }),
    );
  vendors
    .command('risk <vendor>')
    .description('residual risk explained line by line, with signals, trend and open findings')
    .option('--json', 'machine output on stdout')
    .action(async (vendor: string, o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const r = await vendorRisk(await ctx.store(), vendor);
        if (o.json) out(r);
        else {
          for (const l of r.residual.lines) say(l);
          for (const t of r.trend) say(`trend: ${t.at.slice(0, 10)} ${t.score}%${t.change === null ? '' : ` (${t.change >= 0 ? '+' : ''}${t.change})`}`);
          say(`${r.open_findings.length} open findings`);
        }
        return 0;
      }),
    );
  registerFindingsAndReviews(vendors);
}

function registerFindingsAndReviews(vendors: Command): void {
  vendors
    .command('findings')
    .description('findings from assessments')
    .option('--vendor <id>', 'one vendor')
    .option('--status <s>', 'open, in_progress, closed, risk_accepted')
    .option('--json', 'machine output on stdout')
    .action(async (o: { vendor?: string; status?: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const rows = await listFindings(await ctx.store(), { ...(o.vendor ? { vendor_id: o.vendor } : {}), ...(o.status ? { status: o.status } : {}) });
        if (o.json) out(rows);
        else for (const f of rows) say(`${f.id}  ${f.status.padEnd(13)} ${f.severity.padEnd(8)} due ${f.due_at.slice(0, 10)}  ${f.vendor_id}: ${f.title} [${f.owner}]`);
        return 0;
      }),
    );
  vendors
    .command('finding <id>')
    .description("change a finding's status, owner or due date")
    .option('--status <s>', 'open, in_progress, closed, risk_accepted')
    .option('--owner <who>', 'who must fix it')
    .option('--due <iso>', 'new due date')
    .option('--json', 'machine output on stdout')
    .action(async (id: string, o: { status?: string; owner?: string; due?: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const f = await updateFinding(await ctx.store(), id, { ...(o.status ? { status: o.status } : {}), ...(o.owner ? { owner: o.owner } : {}), ...(o.due ? { due_at: o.due } : {}) }, ctx.actor());
        if (o.json) out(f);
        else say(`${f.id}: ${f.status}, owner ${f.owner}, due ${f.due_at.slice(0, 10)}`);
        return 0;
      }),
    );
  vendors
    .command('reviews')
    .description('upcoming vendor reviews by tier cadence, soonest first')
    .option('--json', 'machine output on stdout')
    .action(async (o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const rows = await upcomingReviews(await ctx.store(), new Date());
        if (o.json) out(rows);
        else for (const r of rows) say(`${r.due_at.slice(0, 10)}${r.overdue ? ' OVERDUE' : ''}  ${r.vendor_id.padEnd(20)} ${r.tier.padEnd(9)} ${r.reason}`);
        return 0;
      }),
    );
  vendors
    .command('review <vendor>')
    .description('record a review decision')
    .requiredOption('--decision <d>', 'continue, remediate or exit')
    .requiredOption('--approver <name>', 'who approved the decision')
    .option('--notes <text>', 'notes', '')
    .option('--json', 'machine output on stdout')
    .action(async (vendor: string, o: { decision: string; approver: string; notes: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const r = await recordReview(await ctx.store(), { vendor_id: vendor, decision: o.decision, approver: o.approver, notes: o.notes }, ctx.actor());
        if (o.json) out(r);
        else say(`review ${r.id}: ${r.decision} (approved by ${r.approver}); residual risk ${r.residual}`);
        return 0;
      }),
    );
  vendors
    .command('remind')
    .description('email the reminders that have come due (7, 3, 1 days before, and overdue)')
    .requiredOption('--smtp <url>', 'SMTP server (smtp://host:port or smtps://…)')
    .option('--from <address>', 'sender address', 'oversight@warden.invalid')
    .option('--base-url <url>', 'where `warden serve` is reachable', DEFAULT_BASE)
    .option('--json', 'machine output on stdout')
    .action(async (o: { smtp: string; from: string; baseUrl: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const mailer = smtpMailer(o.smtp, o.from);
        try {
          const r = await runReminders(await ctx.store(), mailer, { baseUrl: o.baseUrl });
          if (o.json) out(r);
          else say(`reminders: ${r.sent} sent, ${r.skipped} skipped, ${r.failed} failed`);
          for (const e of r.errors) say(`warden: ${e}`);
          return r.failed ? 1 : 0;
        } finally {
          mailer.close();
        }
      }),
    );
  vendors
    .command('questionnaires [id]')
    .description('the questionnaire library; with an id, export that questionnaire (YAML, or JSON with --json)')
    .option('--json', 'machine output on stdout')
    .action(async (id: string | undefined, o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        if (id) {
          const q = await getQuestionnaire(store, id);
          process.stdout.write(o.json ? `${JSON.stringify(q)}\n` : stringify(q));
          return 0;
        }
        const rows = (await listQuestionnaires(store)).map((q) => ({ id: q.id, name: q.name, origin: q.origin, questions: q.questions.length, license: q.license }));
        if (o.json) out(rows);
        else for (const q of rows) say(`${q.id.padEnd(24)} ${String(q.questions).padStart(3)} questions  ${q.origin.padEnd(8)} ${q.name}`);
        return 0;
      }),
    );
}

function registerAssessments(program: Command): void {
  const assessments = program.command('assessments').description('assessment questionnaires from customer-supplied spreadsheets');
  assessments
    .command('import-caiq <file>')
    .description('import a CAIQ v4 / SIG spreadsheet (.xlsx or .csv) as a questionnaire; with --vendor, its answers as a scored assessment')
    .option('--id <id>', 'questionnaire id')
    .option('--name <name>', 'questionnaire name')
    .option('--vendor <id>', "record the sheet's answers as this vendor's assessment")
    .option('--json', 'machine output on stdout')
    .action(async (file: string, o: { id?: string; name?: string; vendor?: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const r = await importCaiq(await ctx.store(), file, { ...(o.id ? { id: o.id } : {}), ...(o.name ? { name: o.name } : {}), ...(o.vendor ? { vendor: o.vendor } : {}) }, ctx.actor());
        for (const p of r.problems) say(`${p.where}: ${p.message}`);
        if (o.json) out(r);
        else say(`questionnaire ${r.questionnaire}: ${r.questions} questions, ${r.answers} answers, ${r.problems.length} problems${r.assessment ? `; assessment ${r.assessment.id} scored ${r.assessment.score}%` : ''}`);
        return 0;
      }),
    );
}

export function register(program: Command): void {
  registerVendors(program);
  registerAssessments(program);
}
