// What customer notices say about domains: the organisation's official ones (its brands) and
// the known fake ones (findings not judged false positives), for the notice templates.
import type { Store } from '../store/open-store.ts';
import { DEFAULT_ORG, listBrands, listFindings } from './findings-store.ts';

export interface OfficialAndFake {
  official: string[];
  fake: string[];
}

export async function officialAndFakeDomains(store: Store, org: string = DEFAULT_ORG): Promise<OfficialAndFake> {
  const official = (await listBrands(store, org)).map((b) => b.domain).sort();
  const fake = new Set<string>();
  for (const f of await listFindings(store, { org })) if (f.status !== 'false_positive') fake.add(f.domain);
  return { official, fake: [...fake].sort() };
}
