// Where a customer's SMS notice can go: the phone number on file turned into the international
// (E.164) form SMS gateways take, or the reason no text can be sent to it. Pure. In Japan only
// mobile numbers (070/080/090) receive texts, so landlines are refused here rather than paid
// for and bounced by the gateway; elsewhere the number is taken as given.
export type SmsRecipient = { ok: true; to: string } | { ok: false; reason: string };

// Calling codes of the countries whose national numbers are written with a trunk prefix 0
// (dropped in international form), plus the North American plan. A national number from any
// other country (Italy, Spain, China, …, where that rule does not hold) must be on file as +….
const CALLING_CODES: Record<string, string> = {
  JP: '81',
  US: '1',
  CA: '1',
  GB: '44',
  IE: '353',
  DE: '49',
  FR: '33',
  NL: '31',
  BE: '32',
  AT: '43',
  CH: '41',
  SE: '46',
  FI: '358',
  AU: '61',
  NZ: '64',
  KR: '82',
  TW: '886',
  TH: '66',
};
const NANP = new Set(['US', 'CA']);

function international(digits: string, country: string): string | null {
  const code = CALLING_CODES[country.toUpperCase()];
  if (!code) return null;
  if (NANP.has(country.toUpperCase())) {
    if (digits.length === 10) return `1${digits}`;
    return digits.length === 11 && digits.startsWith('1') ? digits : null;
  }
  // National numbers carry a trunk prefix 0 that the international form drops.
  return digits.startsWith('0') ? `${code}${digits.slice(1)}` : null;
}

export function smsRecipient(phone: string | null | undefined, country: string): SmsRecipient {
  const given = (phone ?? '').trim();
  if (!given) return { ok: false, reason: 'no phone number on file' };
  if (/[^0-9+\-\s().]/.test(given))
    return { ok: false, reason: 'phone number has characters other than digits' };
  const digits = given.replace(/[^0-9]/g, '');
  let e164: string | null;
  if (given.startsWith('+')) e164 = digits;
  else if (digits.startsWith('00')) e164 = digits.slice(2);
  else e164 = international(digits, country);
  if (!e164)
    return {
      ok: false,
      reason: `phone number is not in international form and ${country || 'the country'} has no known calling code`,
    };
  if (e164.length < 8 || e164.length > 15)
    return { ok: false, reason: 'phone number has the wrong length' };
  if (e164.startsWith('81') && !/^81[789]0\d{8}$/.test(e164))
    return { ok: false, reason: 'not a Japanese mobile number (070/080/090): cannot receive SMS' };
  return { ok: true, to: `+${e164}` };
}
