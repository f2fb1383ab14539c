// The log adapter contract, run by every adapter in the registry (Hono-style common suite):
// sniffing its own fixture, parsing every line into a valid normalized event, stable ids,
// blank lines skipped, and arbitrary garbage reported as malformed without ever throwing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AccessEventSchema } from '../../src/logs/access-event.ts';
import { ADAPTERS, adapterFor, sniffFormat } from '../../src/logs/adapters/registry.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').split('\n').filter((l) => l !== '');

/** One fixture per format, written from the format's public documentation. */
const FIXTURES: Record<string, string> = {
  jsonl: 'normalized.jsonl',
  ocsf: 'ocsf-api-activity.jsonl',
  'salesforce-elf': 'salesforce-elf-login.csv',
  nginx: 'nginx-combined.log',
  'evtx-json': 'evtx-security.jsonl',
  csv: 'normalized.csv',
};

test('every registered adapter has a contract fixture', () => {
  for (const a of ADAPTERS) assert.ok(FIXTURES[a.format], `no fixture for ${a.format}`);
});

for (const adapter of ADAPTERS) {
  const lines = fixture(FIXTURES[adapter.format] as string);
  describe(`log adapter contract: ${adapter.format}`, () => {
    test('sniffs its own fixture, and --format auto picks it', () => {
      assert.equal(adapter.sniff(lines.slice(0, 5)), true);
      assert.equal(sniffFormat(lines.slice(0, 5))?.format, adapter.format);
      assert.equal(adapterFor(adapter.format), adapter);
    });

    test('every fixture line is a header/blank (skip) or a valid normalized event', () => {
      const parser = adapter.open({ source: 'test-src' });
      let events = 0;
      lines.forEach((line, i) => {
        const r = parser.parse(line, i + 1);
        assert.notEqual(r.ok, false, `line ${i + 1}: ${r.ok === false ? r.reason : ''}`);
        if (r.ok === true) {
          events++;
          const checked = AccessEventSchema.safeParse(r.event);
          assert.ok(checked.success, `line ${i + 1}: ${checked.success ? '' : checked.error.message}`);
        }
      });
      assert.ok(events > 0);
    });

    test('the same line parsed twice gets the same id', () => {
      const ids = () => {
        const parser = adapter.open({ source: 'test-src' });
        return lines.map((l, i) => parser.parse(l, i + 1)).map((r) => (r.ok === true ? r.event.id : null));
      };
      assert.deepEqual(ids(), ids());
    });

    test('a blank line is skipped, not an error', () => {
      const parser = adapter.open({ source: 'test-src' });
      parser.parse(lines[0] as string, 1);
      assert.equal(parser.parse('', 2).ok, 'skip');
    });

    test('garbage is reported as malformed with a reason and never throws', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (junk) => {
          const parser = adapter.open({ source: 'test-src' });
          parser.parse(lines[0] as string, 1); // past any header
          const r = parser.parse(`\u0001${junk}`, 2);
          if (r.ok === false) assert.ok(r.reason.length > 0);
          else if (r.ok === true) assert.ok(AccessEventSchema.safeParse(r.event).success);
        }),
        { numRuns: 200 },
      );
    });
  });
}
