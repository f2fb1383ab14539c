// Row counts for `warden status` and the dashboard, the same on both dialects.
import type { Store } from './open-store.ts';

export interface StoreCounts {
  customers: number;
  events: number;
  quarantined: number;
  alerts: number;
  incidents: number;
}

export async function countRows(store: Store): Promise<StoreCounts> {
  const count = async (table: 'customers' | 'events' | 'quarantine' | 'alerts' | 'incidents') => {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    customers: await count('customers'),
    events: await count('events'),
    quarantined: await count('quarantine'),
    alerts: await count('alerts'),
    incidents: await count('incidents'),
  };
}
