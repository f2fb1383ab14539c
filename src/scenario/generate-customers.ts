// Generates the sales company's customers: Japanese names and addresses from a seeded faker
// pool, phones for all, email for about a third (as in real dealer data), assigned to units by
// weight and to dealers within them. Pure and deterministic for a seed.
import { fakerJA } from '@faker-js/faker';
import { createRandom, DEALERS_PER_UNIT, dealerId, pick, UNITS } from './scenario-world.ts';

export interface ScenarioCustomer {
  id: string;
  name: string;
  postal_address: string;
  phone: string;
  email: string;
  country: string;
  region: string;
  locale: string;
  date_of_birth: string;
  dealer: string;
  unit: string;
}

export const CUSTOMER_COLUMNS = ['id', 'name', 'postal_address', 'phone', 'email', 'country', 'region', 'locale', 'date_of_birth', 'dealer', 'unit'] as const;

function pools(seed: number) {
  fakerJA.seed(seed);
  const n = (k: number, f: () => string) => Array.from({ length: k }, f);
  return {
    last: n(1500, () => fakerJA.person.lastName()),
    first: n(1500, () => fakerJA.person.firstName()),
    city: n(400, () => fakerJA.location.city()),
    street: n(800, () => fakerJA.location.street()),
    mailHost: ['example.jp', 'mail.example.co.jp', 'example.ne.jp', 'example.com'],
  };
}

/** Unit of the i-th customer: weights laid out deterministically so counts are exact. */
export function unitCounts(total: number): Map<string, number> {
  const counts = new Map<string, number>();
  let assigned = 0;
  for (const [i, u] of UNITS.entries()) {
    const c = i === UNITS.length - 1 ? total - assigned : Math.floor(total * u.weight);
    counts.set(u.id, c);
    assigned += c;
  }
  return counts;
}

export function* generateCustomers(total: number, seed: number): Generator<ScenarioCustomer> {
  const p = pools(seed);
  const rnd = createRandom(seed ^ 0x5eed);
  let n = 0;
  for (const [u, count] of unitCounts(total)) {
    const unit = UNITS.find((x) => x.id === u)!;
    for (let i = 0; i < count; i++) {
      n++;
      const id = `C${String(n).padStart(7, '0')}`;
      const zip = `${100 + Math.floor(rnd() * 899)}-${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
      const hasEmail = rnd() < 0.35;
      const year = 1940 + Math.floor(rnd() * 62);
      const dob = rnd() < 0.6 ? `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : '';
      yield {
        id,
        name: `${pick(rnd, p.last)} ${pick(rnd, p.first)}`,
        postal_address: `〒${zip} ${unit.prefecture}${pick(rnd, p.city)}${pick(rnd, p.street)}`,
        phone: `0${Math.floor(rnd() * 9) + 1}0-${String(Math.floor(rnd() * 10000)).padStart(4, '0')}-${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`,
        email: hasEmail ? `user${n}@${pick(rnd, p.mailHost)}` : '',
        country: 'JP',
        region: unit.region,
        locale: rnd() < 0.02 ? 'en' : 'ja',
        date_of_birth: dob,
        dealer: dealerId(u, Math.floor(rnd() * DEALERS_PER_UNIT)),
        unit: u,
      };
    }
  }
}
