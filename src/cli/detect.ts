// `warden detect --rules PATH… [--input FILE|-] [--format …] [--pipeline FILE] [--time-field F]
// [--stats]`: streams events through Sigma rules. JSONL detections on stdout; malformed lines
// on stderr as `file:line: reason`, counted; `--stats` prints throughput on stderr.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { detectStream } from '../detect/detect-stream.ts';
import { detectionRecord } from '../detect/detection-output.ts';
import { readLineBatches } from '../detect/line-reader.ts';
import { loadPipeline, loadRules } from '../detect/rule-pack.ts';
import { WardenError } from '../errors.ts';
import { ADAPTERS } from '../logs/adapters/registry.ts';
import { loadMapping } from '../logs/load-mapping.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

interface DetectFlags {
  rules: string[];
  input: string;
  format: string;
  pipeline?: string;
  timeField?: string;
  mapping?: string;
  stats?: boolean;
}

const MAX_REPORTED = 1000;

/** Buffers stdout lines; `drain()` writes them and waits for the pipe, so memory stays flat. */
function bufferedStdout() {
  let buf = '';
  return {
    add(text: string) {
      buf += text;
    },
    async drain() {
      if (!buf) return;
      const chunk = buf;
      buf = '';
      if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
    },
  };
}

export function register(program: Command): void {
  program
    .command('detect')
    .description('stream events through Sigma rules: JSONL detections on stdout')
    .requiredOption('--rules <path...>', 'rule files or folders (recursive, multi-document YAML)')
    .option('--input <file>', 'log file, or - for stdin', '-')
    .option('--format <name>', `auto|${ADAPTERS.map((a) => a.format).join('|')}`, 'auto')
    .option('--pipeline <file>', 'Sigma processing pipeline (field mappings) YAML')
    .option('--time-field <field>', 'event field holding the event time (default: time)')
    .option('--mapping <file>', 'field mapping YAML for jsonl/csv sources in their own shape')
    .option('--stats', 'throughput and memory on stderr')
    .action(async (flags: DetectFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async () => {
        const started = performance.now();
        const pipeline = flags.pipeline ? await loadPipeline(flags.pipeline) : undefined;
        const loaded = await loadRules(flags.rules, { pipeline, timeField: flags.timeField });
        if (loaded.errors.length > 0) {
          for (const e of loaded.errors) process.stderr.write(`${e.file}:${e.line}:${e.col}: ${e.message}\n`);
          throw new WardenError('bad_input', `${loaded.errors.length} rule errors (see warden rules check)`, flags.rules.join(' '));
        }
        const where = flags.input === '-' ? 'stdin' : flags.input;
        const input = flags.input === '-' ? process.stdin : createReadStream(flags.input, { highWaterMark: 1 << 20 });
        const opened = new Promise<void>((resolve, reject) => {
          if (flags.input === '-') return resolve();
          input.once('open', () => resolve());
          input.once('error', () => reject(new WardenError('bad_input', 'cannot read input file', where)));
        });
        await opened;
        const out = bufferedStdout();
        let reported = 0;
        const stats = await detectStream(readLineBatches(input), {
          ruleSet: loaded.ruleSet,
          format: flags.format,
          source: flags.input === '-' ? 'stdin' : basename(flags.input),
          mapping: flags.mapping ? await loadMapping(flags.mapping) : undefined,
          timeField: flags.timeField,
          where,
          onDetection: (d) => out.add(`${JSON.stringify(detectionRecord(d))}\n`),
          afterBatch: () => out.drain(),
          onMalformed: (line, reason) => {
            if (reported++ < MAX_REPORTED) process.stderr.write(`${where}:${line}: ${reason}\n`);
          },
        });
        await out.drain();
        if (reported > MAX_REPORTED) process.stderr.write(`… ${reported - MAX_REPORTED} more malformed lines not shown\n`);
        process.stderr.write(
          `${stats.lines} lines (${stats.format}): ${stats.events} events, ${stats.malformed} malformed, ${stats.detections} detections; ${loaded.rules} rules, ${loaded.correlations} correlations\n`,
        );
        if (flags.stats) {
          const seconds = (performance.now() - started) / 1000;
          const rssMb = Math.round(process.memoryUsage().rss / 1048576);
          process.stderr.write(`stats: ${seconds.toFixed(2)} s, ${Math.round(stats.events / seconds)} events/s, rss ${rssMb} MiB\n`);
        }
        return 0;
      }),
    );
}
