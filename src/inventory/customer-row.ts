// One customers-CSV row -> a validated customer, or the column and reason it is bad. Pure.
// The PII columns are kept together so they can be encrypted as one envelope.
import type { DataCategory } from './data-categories.ts';

export const REQUIRED_COLUMNS = ['id', 'name', 'postal_address', 'phone', 'email', 'country', 'region', 'locale'] as const;
export const OPTIONAL_COLUMNS = ['date_of_birth', 'dealer', 'unit'] as const;
export const KNOWN_COLUMNS: ReadonlySet<string> = new Set([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

export interface CustomerPii {
  name: string;
  postal_address: string;
  phone: string;
  email: string;
  date_of_birth: string;
}

export interface CustomerInput {
  id: string;
  country: string;
  region: string;
  locale: string;
  dealer: string | null;
  unit: string | null;
  pii: CustomerPii;
  categories: DataCategory[];
}

export type RowResult = { ok: true; customer: CustomerInput } | { ok: false; column: string; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateCustomerRow(row: Record<string, string | undefined>): RowResult {
  const v = (k: string) => (row[k] ?? '').trim();
  const fail = (column: string, reason: string): RowResult => ({ ok: false, column, reason });
  const id = v('id');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(id)) return fail('id', id ? `'${id}' is not a valid id` : 'required');
  if (!v('name')) return fail('name', 'required');
  const country = v('country');
  if (!/^[A-Z]{2}$/.test(country)) return fail('country', `'${country}' is not an ISO 3166-1 alpha-2 code`);
  const region = v('region');
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region)) return fail('region', `'${region}' is not an ISO 3166-2 code`);
  if (!region.startsWith(`${country}-`)) return fail('region', `'${region}' is not in country ${country}`);
  const locale = v('locale');
  try {
    if (!locale) return fail('locale', 'required');
    Intl.getCanonicalLocales(locale);
  } catch {
    return fail('locale', `'${locale}' is not a BCP 47 locale`);
  }
  const email = v('email');
  if (email && !EMAIL.test(email)) return fail('email', 'not an email address');
  const phone = v('phone');
  if (phone && !/^\+?[0-9][0-9 ()-]{5,}$/.test(phone)) return fail('phone', 'not a phone number');
  const dob = v('date_of_birth');
  if (dob && (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || Number.isNaN(Date.parse(dob)))) return fail('date_of_birth', 'not a date (YYYY-MM-DD)');
  const pii: CustomerPii = { name: v('name'), postal_address: v('postal_address'), phone, email, date_of_birth: dob };
  const categories = (['name', 'postal_address', 'phone', 'email', 'date_of_birth'] as const).filter((c) => pii[c] !== '');
  return {
    ok: true,
    customer: { id, country, region, locale, dealer: v('dealer') || null, unit: v('unit') || null, pii, categories },
  };
}
