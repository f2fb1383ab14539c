// The incident workspace's cached views (detail, timeline, decisions) on every real database: a write
// is visible on the very next read, whether it came through the API, from another connection
// (the CLI, `warden ingest`) or from this process outside any route; and a warm cache answers
// nobody the route would refuse.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listDecisions, setFacts, setIndicators } from '../../src/incidents/incident-store.ts';
import { insertEvents } from '../../src/logs/event-store.ts';
import { incidentDetail, incidentTimeline } from '../../src/server/views/incident-view.ts';
import { storeVersionOf } from '../../src/server/views/store-version.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Role } from '../../src/server/auth/roles.ts';
import { activeDialects } from '../support/dialects.ts';
import { startWorldApp, type WorldApp } from './harness.ts';
import { ATTACKER } from './world.ts';

interface Detail {
  aware_at: string;
  indicators: { from?: string };
  notices: { queued: number };
  obligations: Array<{ law: string; notify: string; deadline: string | null }>;
}
interface Timeline {
  buckets: Array<{ start: string; records: number }>;
}

const records = (t: Timeline) => t.buckets.reduce((n, b) => n + b.records, 0);

for (const dialect of await activeDialects()) {
  describe(`incident workspace cache on ${dialect}`, () => {
    let s: WorldApp;
    const as = (role: Role) => ({ authorization: `Bearer ${s.users.get(role)!.token}` });
    const read = async <T>(path: string, role: Role = 'auditor'): Promise<T> => {
      const res = await s.app.inject({
        url: `/api/incidents/${s.world.incidentId}${path}`,
        headers: as(role),
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as T;
    };
    const detail = () => read<Detail>('');
    const timeline = () => read<Timeline>('/timeline');
    const decisions = () => read<unknown[]>('/decisions');
    const views = async () => ({
      detail: await detail(),
      timeline: await timeline(),
      decisions: await decisions(),
    });
    /** Reads twice, so the second answer is the cached one. */
    const warm = async () => {
      await views();
      return views();
    };
    /** What the views compute now, past any cache: the answer the next read must give. */
    const fresh = async () => {
      const id = s.world.incidentId;
      const json = (v: unknown) => JSON.parse(JSON.stringify(v));
      return {
        detail: json(await incidentDetail(s.t.store, id)) as Detail,
        timeline: json(await incidentTimeline(s.t.store, id)) as Timeline,
        decisions: json(await listDecisions(s.t.store, id)) as unknown[],
      };
    };

    before(async () => {
      s = await startWorldApp(dialect);
    });
    after(() => s.close());

    test('changes made through the API (facts, indicators, drafted notices) show on the next read', async () => {
      const was = await warm();
      const awareAt = '2026-11-07T10:00:00+09:00';
      const facts = await s.app.inject({
        method: 'PUT',
        url: `/api/incidents/${s.world.incidentId}/facts`,
        headers: as('privacy'),
        payload: { aware_at: awareAt },
      });
      assert.equal(facts.statusCode, 200, facts.body);
      const afterFacts = await detail();
      assert.equal(afterFacts.aware_at, awareAt);
      const deadline = (d: Detail) =>
        d.obligations.find((o) => o.law === 'APPI' && o.notify === 'regulator' && o.deadline)
          ?.deadline;
      assert.notEqual(
        deadline(afterFacts),
        deadline(was.detail),
        'obligations re-decided from the new awareness time',
      );

      const indicators = await s.app.inject({
        method: 'PUT',
        url: `/api/incidents/${s.world.incidentId}/indicators`,
        headers: as('analyst'),
        payload: { actors: [ATTACKER], from: '2026-11-02T02:00:00+09:00' },
      });
      assert.equal(indicators.statusCode, 200, indicators.body);
      assert.equal(records(was.timeline), 12);
      assert.equal(
        records(await timeline()),
        8,
        'the first export (4 records) is now before the window',
      );

      assert.equal(was.detail.notices.queued, 0);
      const draft = await s.app.inject({
        method: 'POST',
        url: `/api/incidents/${s.world.incidentId}/notices/draft`,
        headers: as('privacy'),
      });
      assert.equal(draft.statusCode, 200, draft.body);
      assert.equal((await detail()).notices.queued, 12);
      assert.equal(
        (await decisions()).length,
        was.decisions.length + 3,
        'facts, obligations, indicators',
      );
      assert.deepEqual(await views(), await fresh());
    });

    test('a write by another connection (the CLI, ingest) shows on the next read', async () => {
      const was = await warm();
      const other = await openStore(s.t.url);
      try {
        await setFacts(other, s.world.incidentId, { aware_at: '2026-11-08T08:00:00+09:00' }, 'cli');
        await insertEvents(other, [
          {
            id: 'ev-late',
            time: '2026-11-02T03:05:00+09:00',
            source: 'dealer-crm',
            actor: { user: ATTACKER, type: 'vendor_staff', session: 's-91' },
            src_ip: '198.51.100.23',
            action: 'export',
            object: 'customer',
            record_ids: ['C00011', 'C00012'],
            fields: ['name', 'email'],
            outcome: 'success',
            raw: {},
          },
        ]);
      } finally {
        await other.close();
      }
      const now = await views();
      assert.equal(now.detail.aware_at, '2026-11-08T08:00:00+09:00');
      assert.equal(records(now.timeline), records(was.timeline) + 2);
      assert.equal(now.decisions.length, was.decisions.length + 1, 'the facts change');
      assert.deepEqual(now, await fresh());
    });

    test('a write by this process outside any route (as `warden demo` does) shows on the next read', async () => {
      const was = await warm();
      await setIndicators(
        s.t.store,
        s.world.incidentId,
        { actors: [ATTACKER], from: '2026-11-01T00:00:00+09:00' },
        'test',
      );
      const now = await views();
      assert.notEqual(now.detail.indicators.from, was.detail.indicators.from);
      assert.ok(
        records(now.timeline) > records(was.timeline),
        'the widened window brings the first export back',
      );
      assert.deepEqual(now, await fresh());
    });

    // PostgreSQL's transaction ids are shared by every database of the server, so another
    // suite's writes may move the version there at any time; SQLite's is this file's alone.
    if (dialect === 'sqlite') {
      test('authenticated reads of the workspace leave the store version as it was, so they hit the cache', async () => {
        const version = storeVersionOf(s.t.store);
        const was = await version();
        await warm();
        assert.equal(await version(), was);
      });
    }

    test('a warm cache still refuses anonymous callers and roles outside the route', async () => {
      await warm();
      for (const path of ['', '/timeline', '/decisions']) {
        const url = `/api/incidents/${s.world.incidentId}${path}`;
        assert.equal((await s.app.inject({ url })).statusCode, 401, `${url} anonymous`);
        assert.equal(
          (await s.app.inject({ url, headers: { authorization: 'Bearer wdn_not-a-token' } }))
            .statusCode,
          401,
          `${url} bad token`,
        );
        assert.equal(
          (await s.app.inject({ url, headers: as('vendor') })).statusCode,
          403,
          `${url} vendor`,
        );
      }
    });
  });
}
