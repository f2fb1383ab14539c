// What each format adapter makes of its documented fields: actions, accounts, IPs, times,
// counts and outcomes, read from fixtures written from the formats' public documentation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { isoFromTimeLocal, nginxAdapter } from '../../src/logs/adapters/nginx.ts';
import { ocsfAdapter } from '../../src/logs/adapters/ocsf.ts';
import { salesforceElfAdapter } from '../../src/logs/adapters/salesforce-elf.ts';
import { splitCsvLine } from '../../src/logs/adapters/csv-line.ts';
import type { LogAdapter } from '../../src/logs/log-adapter.ts';

function events(adapter: LogAdapter, file: string): AccessEvent[] {
  const parser = adapter.open({ source: 'dealer-crm' });
  const lines = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8').split('\n');
  const out: AccessEvent[] = [];
  lines.forEach((l, i) => {
    const r = parser.parse(l, i + 1);
    if (r.ok === false) assert.fail(`${file}:${i + 1}: ${r.reason}`);
    if (r.ok === true) out.push(r.event);
  });
  return out;
}

describe('salesforce event log files', () => {
  test('Login rows: failed then successful login, with user name, source IP and session', () => {
    const [failed, ok] = events(salesforceElfAdapter, 'salesforce-elf-login.csv');
    assert.equal(failed?.action, 'login_failed');
    assert.equal(failed?.outcome, 'failure');
    assert.equal(ok?.action, 'login');
    assert.equal(ok?.actor.user, 'support-07@crm-vendor.example');
    assert.equal(ok?.src_ip, '198.51.100.23');
    assert.equal(ok?.actor.session, 'd7DEq/ANa7nNZZVD');
    assert.equal(ok?.time, '2026-11-01T16:52:45.402Z');
  });

  test('API query rows are api_read with ROWS_PROCESSED as result_count; update is update', () => {
    const [query, update] = events(salesforceElfAdapter, 'salesforce-elf-api.csv');
    assert.equal(query?.action, 'api_read');
    assert.equal(query?.result_count, 500);
    assert.equal(query?.object, 'Contact');
    assert.equal(update?.action, 'update');
  });

  test('BulkApi query is bulk_read; ReportExport is export; URI is view, failed on status A', () => {
    const [bulk] = events(salesforceElfAdapter, 'salesforce-elf-bulkapi.csv');
    assert.equal(bulk?.action, 'bulk_read');
    assert.equal(bulk?.result_count, 42000);
    assert.equal(bulk?.src_ip, '203.0.113.10');
    const [report] = events(salesforceElfAdapter, 'salesforce-elf-reportexport.csv');
    assert.equal(report?.action, 'export');
    assert.equal(report?.query, 'Customers of unit kanto-3');
    const [list, denied] = events(salesforceElfAdapter, 'salesforce-elf-uri.csv');
    assert.equal(list?.action, 'view');
    assert.equal(list?.outcome, 'success');
    assert.equal(denied?.outcome, 'failure');
  });

  test('TIMESTAMP alone (GMT yyyyMMddHHmmss.SSS) is read when TIMESTAMP_DERIVED is absent', () => {
    const parser = salesforceElfAdapter.open({ source: 's' });
    parser.parse('"EVENT_TYPE","TIMESTAMP","ORGANIZATION_ID","USER_ID"', 1);
    const r = parser.parse('"Logout","20261101183000.250","00D1","005A"', 2);
    assert.ok(r.ok === true);
    assert.equal(r.event.time, '2026-11-01T18:30:00.250Z');
    assert.equal(r.event.action, 'logout');
  });

  test('a record before any header, or with the wrong column count, is malformed', () => {
    const parser = salesforceElfAdapter.open({ source: 's' });
    assert.equal(parser.parse('"Login","20261101183000.250"', 1).ok, false);
    parser.parse('"EVENT_TYPE","TIMESTAMP","ORGANIZATION_ID"', 2);
    const r = parser.parse('"Login","20261101183000.250"', 3);
    assert.ok(r.ok === false && /2 columns, header has 3/.test(r.reason));
  });
});

describe('OCSF', () => {
  test('API Activity read with resources becomes export with record ids; create token is token_create', () => {
    const [read, token, auth, bulk] = events(ocsfAdapter, 'ocsf-api-activity.jsonl');
    assert.equal(read?.action, 'export');
    assert.deepEqual(read?.record_ids, ['C0001234', 'C0001235']);
    assert.equal(read?.result_count, 2);
    assert.equal(read?.actor.user, 'support-07@crm-vendor.example');
    assert.equal(read?.actor.session, 's-91');
    assert.equal(read?.id, 'evt-0001');
    assert.equal(read?.time, '2026-11-01T16:53:00.000Z');
    assert.equal(token?.action, 'token_create');
    assert.equal(auth?.action, 'login_failed');
    assert.equal(auth?.outcome, 'failure');
    assert.equal(bulk?.action, 'bulk_read');
    assert.equal(bulk?.actor.type, 'service');
    assert.equal(bulk?.result_count, 42000);
    assert.equal(bulk?.record_ids, undefined);
  });

  test('another OCSF class is malformed, naming the class', () => {
    const r = ocsfAdapter.open({ source: 's' }).parse('{"class_uid":4001,"time":1}', 1);
    assert.ok(r.ok === false && /4001/.test(r.reason));
  });
});

describe('nginx combined', () => {
  test('time_local keeps its own offset', () => {
    assert.equal(isoFromTimeLocal('10/Oct/2000:13:55:36 -0700'), '2000-10-10T13:55:36-07:00');
    assert.equal(isoFromTimeLocal('32/Foo/2000:13:55:36 -0700'), undefined);
  });

  test('the Apache documentation example and CRM requests map to view, login_failed, export, search', () => {
    const [doc, login, exp, search] = events(nginxAdapter, 'nginx-combined.log');
    assert.equal(doc?.action, 'view');
    assert.equal(doc?.actor.user, 'frank');
    assert.equal(doc?.raw.status, 200);
    assert.equal(login?.action, 'login_failed');
    assert.equal(login?.outcome, 'failure');
    assert.equal(exp?.action, 'export');
    assert.equal(exp?.query, 'unit=kanto-3&page=2');
    assert.equal(exp?.user_agent, 'python-requests/2.31');
    assert.equal(search?.action, 'search');
  });
});

describe('CSV line splitting', () => {
  test('quoted cells, doubled quotes, empty cells', () => {
    assert.deepEqual(splitCsvLine('"a","b ""c""",,d'), ['a', 'b "c"', '', 'd']);
    assert.deepEqual(splitCsvLine('a,'), ['a', '']);
    assert.equal(splitCsvLine('"a'), undefined);
  });
});

describe('Windows events as JSON (evtx_dump shape)', () => {
  test('4625 is login_failed and 4624 login, with account, source IP, session and flattened raw fields', async () => {
    const { evtxJsonAdapter } = await import('../../src/logs/adapters/evtx-json.ts');
    const [failed, ok, proc] = events(evtxJsonAdapter, 'evtx-security.jsonl');
    assert.equal(failed?.action, 'login_failed');
    assert.equal(failed?.outcome, 'failure');
    assert.equal(failed?.actor.user, 'support-07');
    assert.equal(failed?.src_ip, '198.51.100.23');
    assert.equal(failed?.time, '2026-11-01T16:50:01.123456Z');
    assert.equal(failed?.id, 'crm-app-01.example-motor.example/Security/90211');
    assert.equal(ok?.action, 'login');
    assert.equal(ok?.actor.session, '0x8d2f1');
    assert.equal(ok?.raw.EventID, 4624);
    assert.equal(ok?.raw.LogonType, 10);
    assert.equal(proc?.raw.Image, 'C:\\Windows\\System32\\whoami.exe');
    assert.equal(proc?.raw.Channel, 'Microsoft-Windows-Sysmon/Operational');
  });

  test('JSON that is not a Windows event is malformed', async () => {
    const { evtxJsonAdapter } = await import('../../src/logs/adapters/evtx-json.ts');
    const r = evtxJsonAdapter.open({ source: 's' }).parse('{"Event":{}}', 1);
    assert.ok(r.ok === false && /Event.System/.test(r.reason));
  });
});
