// Brands and findings on every real database: add and list brands per organisation, record hits
// (first seen kept, sightings counted), set statuses, and the official/fake lists for notices.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addBrands,
  listBrands,
  listFindings,
  recordFindings,
  removeBrands,
  setFindingStatus,
} from '../../src/brandwatch/findings-store.ts';
import { officialAndFakeDomains } from '../../src/brandwatch/official-and-fake.ts';
import { activeDialects, freshStore } from '../support/dialects.ts';

const HITS = [
  { domain: 'nissan-support.jp', brand: 'nissan.co.jp', match: 'dictionary' as const, line: 42 },
  { domain: 'nlssan-kokyaku.net', brand: 'nissan.co.jp', match: 'similar' as const, score: 0.83, line: 7 },
];

for (const dialect of await activeDialects()) {
  describe(`brand findings on ${dialect}`, () => {
    test('brands are kept per organisation, normalized to ASCII, without duplicates', async () => {
      const t = await freshStore(dialect);
      try {
        await addBrands(t.store, 'acme', ['Nissan.co.jp', 'https://www.bäcker.de/x', 'nissan.co.jp']);
        await addBrands(t.store, 'other', ['example.com']);
        assert.deepEqual((await listBrands(t.store, 'acme')).map((b) => b.domain), ['nissan.co.jp', 'www.xn--bcker-gra.de']);
        assert.equal((await listBrands(t.store)).length, 3);
        assert.equal(await removeBrands(t.store, 'acme', ['www.bäcker.de']), 1);
        await assert.rejects(addBrands(t.store, 'acme', ["x'); drop table brands; --"]), /not a domain/);
        assert.equal((await listBrands(t.store)).length, 2);
      } finally {
        await t.drop();
      }
    });

    test('a hit seen again keeps its first sighting and counts the new one', async () => {
      const t = await freshStore(dialect);
      try {
        assert.deepEqual(await recordFindings(t.store, 'acme', HITS, 'ct.jsonl', '2026-11-25T00:00:00.000Z'), { added: 2, updated: 0 });
        assert.deepEqual(await recordFindings(t.store, 'acme', [HITS[0]!], 'nrd.txt', '2026-11-26T00:00:00.000Z'), { added: 0, updated: 1 });
        const [f] = await listFindings(t.store, { org: 'acme', brand: 'nissan.co.jp', status: 'new' }).then((r) => r.filter((x) => x.domain === 'nissan-support.jp'));
        assert.equal(f?.first_seen, '2026-11-25T00:00:00.000Z');
        assert.equal(f?.last_seen, '2026-11-26T00:00:00.000Z');
        assert.equal(f?.seen_count, 2);
        assert.equal(f?.source, 'ct.jsonl');
        assert.equal(f?.line, 42);
        const similar = (await listFindings(t.store, { org: 'acme' })).find((x) => x.match === 'similar');
        assert.equal(similar?.score, 0.83);
      } finally {
        await t.drop();
      }
    });

    test('statuses move by id or domain; unknown findings are not found', async () => {
      const t = await freshStore(dialect);
      try {
        await recordFindings(t.store, 'acme', HITS, 'ct.jsonl');
        const f = await setFindingStatus(t.store, { org: 'acme', idOrDomain: 'nissan-support.jp' }, 'takedown_requested', 'ticket 123');
        assert.equal(f.status, 'takedown_requested');
        await setFindingStatus(t.store, { org: 'acme', idOrDomain: f.id }, 'down');
        assert.deepEqual((await listFindings(t.store, { status: 'down' })).map((x) => x.domain), ['nissan-support.jp']);
        await assert.rejects(setFindingStatus(t.store, { org: 'acme', idOrDomain: 'nope.example' }, 'down'), /no finding/);
        await assert.rejects(setFindingStatus(t.store, { org: 'other', idOrDomain: f.id }, 'down'), /no finding/);
      } finally {
        await t.drop();
      }
    });

    test('notices get the official domains and the fake ones, false positives left out', async () => {
      const t = await freshStore(dialect);
      try {
        await addBrands(t.store, 'default', ['nissan.co.jp', 'nissan-global.com']);
        await recordFindings(t.store, 'default', HITS, 'ct.jsonl');
        await setFindingStatus(t.store, { org: 'default', idOrDomain: 'nlssan-kokyaku.net' }, 'false_positive');
        assert.deepEqual(await officialAndFakeDomains(t.store), {
          official: ['nissan-global.com', 'nissan.co.jp'],
          fake: ['nissan-support.jp'],
        });
      } finally {
        await t.drop();
      }
    });
  });
}
