// Maps a customer's country and region to the jurisdiction code whose breach law applies:
// US states and territories, and subdivisions with a breach law of their own in laws/, keep
// their ISO 3166-2 code; everyone else is named by country. Pure: no law files are read here.

/** Subdivisions outside the US with their own private-sector breach law in laws/. */
export const SUBDIVISIONS_WITH_OWN_LAW: readonly string[] = ['CA-QC', 'CA-AB'];

/** US territories that ISO 3166-1 also names as countries; their own laws apply. */
const US_TERRITORIES: readonly string[] = ['PR', 'GU', 'VI', 'AS', 'MP', 'UM'];

function regionCode(country: string, region: string | null): string | null {
  const r = region?.trim().toUpperCase();
  if (!r) return null;
  return r.includes('-') ? r : `${country}-${r}`;
}

export function jurisdictionOf(country: string, region: string | null): string {
  const c = country.trim().toUpperCase();
  if (US_TERRITORIES.includes(c)) return `US-${c}`;
  const r = regionCode(c, region);
  if (c === 'US') return r ?? 'US';
  if (r && SUBDIVISIONS_WITH_OWN_LAW.includes(r)) return r;
  return c;
}
