// Feed extraction and scanning: certstream lines with several names, domain and URL lists,
// malformed lines counted and skipped, and a forwarded .eml whose link text lies.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { WardenError } from '../../src/errors.ts';
import { buildBrandIndex } from '../../src/brandwatch/brand-matcher.ts';
import { namesInEml } from '../../src/brandwatch/eml-names.ts';
import { type FeedFormat, type FeedHit, scanFeed } from '../../src/brandwatch/feed-scan.ts';
import { namesInLine } from '../../src/brandwatch/feed-lines.ts';

const EML = new URL('./fixtures/recall-phish.eml', import.meta.url);
const index = buildBrandIndex(['nissan.co.jp']);
const dir = mkdtempSync(join(tmpdir(), 'warden-feed-'));

function certLine(names: string[], cn = names[0]): string {
  return JSON.stringify({
    message_type: 'certificate_update',
    data: {
      leaf_cert: {
        subject: { CN: cn },
        all_domains: names,
        extensions: { subjectAltName: names.map((n) => `DNS:${n}`).join(', ') },
      },
    },
  });
}

async function scan(lines: string[], format: FeedFormat) {
  const path = join(dir, `feed-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const hits: FeedHit[] = [];
  const malformed: string[] = [];
  const stats = await scanFeed(path, format, index, {
    onHit: (h) => hits.push(h),
    onMalformed: (where, m) => malformed.push(`${where.slice(where.lastIndexOf(':') + 1)}: ${m}`),
  });
  return { stats, hits, malformed };
}

describe('feed lines', () => {
  test('a certstream line yields every name in the certificate, wildcards stripped, once each', () => {
    const r = namesInLine(certLine(['*.nissan-support.jp', 'nissan-support.jp', 'www.Example.com']), 'certstream');
    assert.ok('hosts' in r);
    assert.deepEqual(r.hosts.sort(), ['nissan-support.jp', 'www.example.com']);
  });

  test('URL lines give their host; defanged URLs too', () => {
    assert.deepEqual(namesInLine('https://nlssan.jp/login?x=1', 'urls'), { hosts: ['nlssan.jp'] });
    assert.deepEqual(namesInLine('hxxps://nissan-recall[.]com/a', 'urls'), { hosts: ['nissan-recall.com'] });
  });

  test('blank lines and comments are skipped, not counted as malformed', () => {
    assert.deepEqual(namesInLine('   ', 'domains'), { skip: true });
    assert.deepEqual(namesInLine('# newly registered 2026-11-25', 'domains'), { skip: true });
  });
});

describe('scanning a feed', () => {
  test('a certstream feed reports each look-alike name of a certificate with its line', async () => {
    const { hits, stats } = await scan(
      [certLine(['example.org']), certLine(['*.nissan-support.jp', 'nisan.co.jp', 'shop.example.net'])],
      'certstream',
    );
    assert.equal(stats.lines, 2);
    assert.equal(stats.names, 4);
    assert.deepEqual(
      hits.map((h) => [h.domain, h.match, h.line]).sort(),
      [['nisan.co.jp', 'omission', 2], ['nissan-support.jp', 'dictionary', 2]],
    );
  });

  test('malformed lines are counted and reported with their line; the rest goes on', async () => {
    const { hits, stats, malformed } = await scan(
      ['{"data": {"leaf_cert": ', certLine(['nisan.co.jp']), '[1,2]', '', '{"no":"names"}', certLine(['nlssan.jp'])],
      'certstream',
    );
    assert.equal(stats.malformed, 3);
    assert.deepEqual(malformed.map((m) => m.split(':')[0]), ['1', '3', '5']);
    assert.deepEqual(hits.map((h) => h.line), [2, 6]);
  });

  test('a domain list reports first sightings once and counts bad lines', async () => {
    const { hits, stats } = await scan(
      ['nissan-kokyaku-shien.com,2026-11-25', 'not a domain', 'nissan-kokyaku-shien.com', 'www.nissan.co.jp'],
      'domains',
    );
    assert.equal(stats.malformed, 1);
    assert.deepEqual(hits, [
      { domain: 'nissan-kokyaku-shien.com', brand: 'nissan.co.jp', match: 'similar', score: 1, line: 1, file: hits[0]?.file },
    ]);
  });

  test('long feeds report progress as they go', async () => {
    const path = join(dir, 'progress.txt');
    writeFileSync(path, `${Array.from({ length: 10 }, (_, i) => `host${i}.example`).join('\n')}\n`);
    const seen: number[] = [];
    await scanFeed(path, 'domains', index, { onHit: () => {}, onProgress: (s) => seen.push(s.lines), progressEvery: 4 });
    assert.deepEqual(seen, [4, 8]);
  });

  test('the format is guessed from the first line when not given', async () => {
    const { hits } = await scan(['https://nisan.co.jp/x'], 'auto');
    assert.equal(hits[0]?.domain, 'nisan.co.jp');
  });

  test('a missing feed file is a clear error naming it', async () => {
    await assert.rejects(scanFeed(join(dir, 'nope.txt'), 'domains', index, { onHit: () => {} }), (err: unknown) => {
      assert.ok(err instanceof WardenError);
      assert.equal(err.code, 'bad_input');
      assert.match(err.toLine(), /nope\.txt: no such file/);
      return true;
    });
  });
});

describe('.eml', () => {
  test('an HTML link whose text shows the official site but targets a look-alike is caught', async () => {
    const names = await namesInEml(readFileSync(EML));
    const link = names.find((n) => n.host === 'secure-login.xn--nssan-global-14b.com');
    assert.equal(link?.via, 'link');
    assert.equal(link?.shown, 'www.nissan.co.jp');
    const raw = readFileSync(EML, 'utf8').split('\n');
    assert.ok(raw[(link?.line ?? 0) - 1]?.includes('xn--nssan-global-14b'));
  });

  test('senders and link targets are matched; the official link shown as text is not', async () => {
    const hits: FeedHit[] = [];
    await scanFeed(EML.pathname, 'eml', index, { onHit: (h) => hits.push(h) });
    const byDomain = new Map(hits.map((h) => [h.domain, h]));
    assert.equal(byDomain.get('nissan-support.jp')?.match, 'dictionary');
    assert.equal(byDomain.get('nissan-support.jp')?.line, 3);
    assert.equal(byDomain.get('nlssan.jp')?.match, 'homoglyph');
    assert.equal(byDomain.get('secure-login.xn--nssan-global-14b.com')?.match, 'similar');
    assert.ok(!byDomain.has('www.nissan.co.jp'));
  });
});
