// The built-in pack rules/crm: every rule fires on a hit and stays quiet on a near miss, and
// every rule document carries a description, false-positive notes and ATT&CK tags.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { BUILTIN_PACK_DIR } from '../../src/detect/rule-pack.ts';
import { at, builtinPack, DEALER, ev, ids, SYNC, titles, VENDOR } from './crm-events.ts';

const T = {
  bulkRead: 'Bulk read of customer records by a human account',
  paging: 'Customer record enumeration by paging',
  distinct: 'One account read many distinct customers',
  afterHours: 'Vendor staff active outside business hours',
  newIp: 'Account used from a never-seen source IP',
  loginAfterFailures: 'Successful login after repeated failures',
  dormant: 'Dormant account reused',
  serviceInteractive: 'Service account used interactively',
  tokenThenRead: 'API token created then used for bulk reads',
  unfiltered: 'Unfiltered select-all query by a human account',
  units: 'One account reaching many sales units',
  baseline: "Read volume far above the account's own baseline",
  largeExport: 'Large export by a human account',
  queryOnly: 'Vendor account read customers logged only by query',
  manyIps: 'One account used from several source IPs',
};

async function fires(title: string, events: Parameters<typeof titles>[0]): Promise<boolean> {
  return (await titles(events)).has(title);
}

describe('rules/crm pack', () => {
  test('loads without errors: at least 12 alerting rules', async () => {
    const pack = await builtinPack();
    assert.deepEqual(pack.errors, []);
    const alerting = Object.values(T);
    assert.ok(alerting.length >= 12);
  });

  test('every document has a description, falsepositives and ATT&CK tags; the pack logsource is warden/access', () => {
    const files = readdirSync(BUILTIN_PACK_DIR).filter((f) => f.endsWith('.yml'));
    assert.ok(files.length >= 12);
    for (const f of files) {
      for (const doc of parseAllDocuments(readFileSync(join(BUILTIN_PACK_DIR, f), 'utf8'))) {
        const d = doc.toJS() as Record<string, unknown>;
        assert.ok(typeof d.description === 'string' && d.description.length > 20, `${f}: ${d.title} description`);
        assert.ok(Array.isArray(d.falsepositives) && d.falsepositives.length > 0, `${f}: ${d.title} falsepositives`);
        const tags = d.tags as string[];
        assert.ok(tags.some((t) => /^attack\.t\d{4}/.test(t)), `${f}: ${d.title} ATT&CK technique tag`);
        if (d.logsource) assert.deepEqual(d.logsource, { product: 'warden', service: 'access' });
      }
    }
    const alertingTitles = new Set(
      files.flatMap((f) => parseAllDocuments(readFileSync(join(BUILTIN_PACK_DIR, f), 'utf8')).map((d) => (d.toJS() as { title: string }).title)),
    );
    for (const t of Object.values(T)) assert.ok(alertingTitles.has(t), `missing rule '${t}'`);
  });

  test('bulk read by a human: 5 x 500 records in an hour hits; 5 x 300, or the sync service, does not', async () => {
    const reads = (n: number, count: number, user = DEALER) =>
      Array.from({ length: n }, (_, i) => ev({ user, action: 'search', result_count: count, time: at(0, '10:00', i * 600) }));
    assert.equal(await fires(T.bulkRead, reads(5, 500)), true);
    assert.equal(await fires(T.bulkRead, reads(5, 300)), false);
    assert.equal(await fires(T.bulkRead, [ev({ user: SYNC, action: 'bulk_read', result_count: 42000, time: at(0, '02:00') })]), false);
  });

  test('paging: five 100-row pages within 30 minutes hits; four pages, or five 99-row reads, do not', async () => {
    const pages = (n: number, count: number) =>
      Array.from({ length: n }, (_, i) => ev({ user: VENDOR, action: 'api_read', result_count: count, time: at(0, '02:00', i * 240) }));
    assert.equal(await fires(T.paging, pages(5, 100)), true);
    assert.equal(await fires(T.paging, pages(4, 100)), false);
    assert.equal(await fires(T.paging, pages(5, 99)), false);
  });

  test('distinct customers: 1,200 new record ids in 3 hours hits; the same 400 read three times does not', async () => {
    const exp = (from: number, i: number) => ev({ action: 'export', record_ids: ids('C', 400, from), result_count: 400, time: at(0, '10:00', i * 1800) });
    assert.equal(await fires(T.distinct, [exp(0, 0), exp(400, 1), exp(800, 2)]), true);
    assert.equal(await fires(T.distinct, [exp(0, 0), exp(0, 1), exp(0, 2)]), false);
  });

  test('vendor after hours: a vendor at 02:00 JST hits; a vendor at 10:00, or dealer staff at 02:00, does not', async () => {
    assert.equal(await fires(T.afterHours, [ev({ user: VENDOR, time: at(0, '02:00') })]), true);
    assert.equal(await fires(T.afterHours, [ev({ user: VENDOR, time: at(0, '10:00') })]), false);
    assert.equal(await fires(T.afterHours, [ev({ user: DEALER, time: at(0, '02:00') })]), false);
  });

  test('new source IP: a never-seen network after a week of history hits; a known IP or network, or warm-up, does not', async () => {
    const history = [ev({ time: at(0, '10:00') }), ev({ user: VENDOR, src_ip: '192.0.2.17', time: at(0, '11:00') })];
    assert.equal(await fires(T.newIp, [...history, ev({ user: VENDOR, src_ip: '198.51.100.23', time: at(8, '02:00') })]), true);
    assert.equal(await fires(T.newIp, [...history, ev({ user: VENDOR, src_ip: '192.0.2.17', time: at(8, '10:00') })]), false);
    assert.equal(await fires(T.newIp, [...history, ev({ user: VENDOR, src_ip: '192.0.2.99', time: at(8, '10:00') })]), false);
    assert.equal(await fires(T.newIp, [...history, ev({ user: VENDOR, src_ip: '198.51.100.23', time: at(6, '12:00') })]), false);
  });

  test('login after failures: 3 failures then a login within 15 minutes hits; 2 failures, or a login 30 minutes later, does not', async () => {
    const fails = (n: number) => Array.from({ length: n }, (_, i) => ev({ user: VENDOR, action: 'login_failed', outcome: 'failure', time: at(0, '01:50', i * 20) }));
    assert.equal(await fires(T.loginAfterFailures, [...fails(3), ev({ user: VENDOR, action: 'login', time: at(0, '01:52') })]), true);
    assert.equal(await fires(T.loginAfterFailures, [...fails(2), ev({ user: VENDOR, action: 'login', time: at(0, '01:52') })]), false);
    assert.equal(await fires(T.loginAfterFailures, [...fails(3), ev({ user: VENDOR, action: 'login', time: at(0, '02:30') })]), false);
  });

  test('dormant account: back after 31 idle days hits; after 29 days does not', async () => {
    assert.equal(await fires(T.dormant, [ev({ user: VENDOR, time: at(0, '10:00') }), ev({ user: VENDOR, time: at(31, '10:00') })]), true);
    assert.equal(await fires(T.dormant, [ev({ user: VENDOR, time: at(0, '10:00') }), ev({ user: VENDOR, time: at(29, '10:00') })]), false);
  });

  test('service account used interactively: a search or a browser agent hits; the sync bulk read does not', async () => {
    assert.equal(await fires(T.serviceInteractive, [ev({ user: SYNC, action: 'search', result_count: 3 })]), true);
    assert.equal(await fires(T.serviceInteractive, [ev({ user: SYNC, action: 'api_read', user_agent: 'Mozilla/5.0 (Windows NT 10.0)' })]), true);
    assert.equal(await fires(T.serviceInteractive, [ev({ user: SYNC, action: 'bulk_read', result_count: 42000, user_agent: 'crm-sync/3.2' })]), false);
  });

  test('token then bulk read: token_create then a 500-row read hits; the read before the token, or a service token, does not', async () => {
    const token = (user: string, t: string) => ev({ user, action: 'token_create', time: t });
    const read = (user: string, t: string) => ev({ user, action: 'api_read', result_count: 500, time: t });
    assert.equal(await fires(T.tokenThenRead, [token(VENDOR, at(0, '02:00')), read(VENDOR, at(0, '02:10'))]), true);
    assert.equal(await fires(T.tokenThenRead, [read(VENDOR, at(0, '02:00')), token(VENDOR, at(0, '02:10'))]), false);
    assert.equal(await fires(T.tokenThenRead, [token(SYNC, at(0, '02:00')), read(SYNC, at(0, '02:10'))]), false);
  });

  test("unfiltered query: '*' or a 1=1 tautology hits; a unit filter, or the sync's select-all, does not", async () => {
    assert.equal(await fires(T.unfiltered, [ev({ action: 'search', query: '*' })]), true);
    assert.equal(await fires(T.unfiltered, [ev({ action: 'export', query: "name = 'x' or 1=1" })]), true);
    assert.equal(await fires(T.unfiltered, [ev({ action: 'search', query: "unit = 'kanto-3'" })]), false);
    assert.equal(await fires(T.unfiltered, [ev({ user: SYNC, action: 'bulk_read', query: 'select * from customers' })]), false);
  });

  test('many sales units: three units in a day hits; two units does not', async () => {
    const unitRead = (u: string, i: number) => ev({ user: VENDOR, action: 'search', query: `unit = '${u}'`, result_count: 3, time: at(0, '10:00', i * 60) });
    assert.equal(await fires(T.units, ['kanto-1', 'kanto-2', 'kanto-3'].map(unitRead)), true);
    assert.equal(await fires(T.units, ['kanto-1', 'kanto-2', 'kanto-1'].map(unitRead)), false);
  });

  test("volume above baseline: 500 rows after reads of 5 hits; the sync's usual 42,000 does not", async () => {
    const small = Array.from({ length: 5 }, (_, i) => ev({ action: 'search', result_count: 5, time: at(0, '09:00', i * 60) }));
    assert.equal(await fires(T.baseline, [...small, ev({ action: 'export', result_count: 500, time: at(0, '10:00') })]), true);
    const nights = Array.from({ length: 6 }, (_, i) => ev({ user: SYNC, action: 'bulk_read', result_count: 40000 + i * 400, time: at(i, '02:00') }));
    assert.equal(await fires(T.baseline, nights), false);
  });

  test('large export: 1,000 rows by a person hits; 999 rows, or 50,000 by the sync, does not', async () => {
    assert.equal(await fires(T.largeExport, [ev({ action: 'export', result_count: 1000 })]), true);
    assert.equal(await fires(T.largeExport, [ev({ action: 'export', result_count: 999 })]), false);
    assert.equal(await fires(T.largeExport, [ev({ user: SYNC, action: 'bulk_read', result_count: 50000 })]), false);
  });

  test('query-only vendor read: 500 rows without record ids hits; with record ids does not', async () => {
    assert.equal(await fires(T.queryOnly, [ev({ user: VENDOR, action: 'api_read', result_count: 500, query: "unit = 'kanto-3'" })]), true);
    assert.equal(await fires(T.queryOnly, [ev({ user: VENDOR, action: 'api_read', result_count: 500, record_ids: ids('C', 500) })]), false);
  });

  test('several source IPs: logins from three IPs in an hour hits; two does not', async () => {
    const from = (ip: string, i: number) => ev({ action: 'login', src_ip: ip, time: at(0, '10:00', i * 300) });
    assert.equal(await fires(T.manyIps, ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map(from)), true);
    assert.equal(await fires(T.manyIps, ['10.0.0.1', '10.0.0.2', '10.0.0.1'].map(from)), false);
  });
});
