// `warden phishwatch --brand DOMAIN… --feed FILE [--format certstream|domains|urls|eml]`: matches
// a feed against the brands; JSONL hits on stdout, malformed lines and progress on stderr.
// Without --brand the organisation's configured brands are used and hits are recorded.
import type { Command } from 'commander';
import { buildBrandIndex } from '../brandwatch/brand-matcher.ts';
import { FEED_FORMATS, type FeedFormat, type FeedHit, scanFeed } from '../brandwatch/feed-scan.ts';
import { DEFAULT_ORG, listBrands, recordFindings } from '../brandwatch/findings-store.ts';
import { WardenError } from '../errors.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';
import { addGeneratorFlags, type GeneratorFlags, generatorOptions } from './lookalikes.ts';

interface Flags extends GeneratorFlags {
  brand?: string[];
  feed: string;
  format: string;
  threshold: string;
  record?: boolean;
  org: string;
}

const SHOWN_MALFORMED = 20;

function hitLine(h: FeedHit): string {
  const out: Record<string, unknown> = { domain: h.domain, brand: h.brand, match: h.match };
  if (h.score !== undefined) out.score = h.score;
  out.line = h.line;
  return `${JSON.stringify(out)}\n`;
}

export function register(program: Command): void {
  const cmd = program
    .command('phishwatch')
    .description('match a feed (certstream JSON, domain or URL list, .eml) against brand domains')
    .option('--brand <domain...>', 'official brand domains (default: the configured brands)')
    .requiredOption('--feed <file>', 'feed file (or a folder of .eml files)')
    .option('--format <format>', `one of ${FEED_FORMATS.join(', ')}`, 'auto')
    .option('--threshold <score>', 'minimum similarity for `similar` hits (0-1)', '0.8')
    .option('--record', 'store hits as findings (always on when brands come from the store)')
    .option('--org <id>', 'organisation whose brands and findings to use', DEFAULT_ORG);
  addGeneratorFlags(cmd).action(async (opts: Flags, c: Command) =>
    runCommand(globalOptions(c), async (ctx) => {
      if (!(FEED_FORMATS as readonly string[]).includes(opts.format)) {
        throw new WardenError('bad_usage', `unknown format '${opts.format}' (${FEED_FORMATS.join(', ')})`, '--format');
      }
      const threshold = Number(opts.threshold);
      if (!(threshold > 0 && threshold <= 1)) throw new WardenError('bad_usage', 'must be in (0, 1]', '--threshold');
      let brands = opts.brand ?? [];
      const fromStore = brands.length === 0;
      if (fromStore) brands = (await listBrands(await ctx.store(), opts.org)).map((b) => b.domain);
      if (brands.length === 0) {
        throw new WardenError('bad_usage', `no --brand given and none configured for '${opts.org}'`, '--brand');
      }
      const index = buildBrandIndex(brands, { ...generatorOptions(opts), threshold });
      const hits: FeedHit[] = [];
      let shown = 0;
      const started = Date.now();
      const stats = await scanFeed(opts.feed, opts.format as FeedFormat, index, {
        onHit: (h) => {
          process.stdout.write(hitLine(h));
          hits.push(h);
        },
        onMalformed: (where, message) => {
          if (shown++ < SHOWN_MALFORMED) process.stderr.write(`${where}: ${message}\n`);
        },
        onProgress: (s) => {
          const secs = (Date.now() - started) / 1000;
          process.stderr.write(`phishwatch: ${s.lines} lines, ${s.hits} hits, ${Math.round(s.lines / secs)} lines/s\n`);
        },
      });
      const hidden = stats.malformed - SHOWN_MALFORMED;
      if (hidden > 0) process.stderr.write(`(${hidden} more malformed lines not shown)\n`);
      process.stderr.write(`${stats.lines} lines, ${stats.names} names, ${stats.hits} hits, ${stats.malformed} malformed\n`);
      if (opts.record || fromStore) {
        const r = await recordFindings(await ctx.store(), opts.org, hits, opts.feed);
        process.stderr.write(`findings: ${r.added} new, ${r.updated} seen again\n`);
      }
      return stats.hits > 0 ? 1 : 0;
    }),
  );
}
