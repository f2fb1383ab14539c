// Keeps an SMS notice from reading like the phishing it warns of: no link of any kind (no
// scheme, no `www.`, no IP address, no domain but the official one, which the customer is asked
// to type in or look up), and no longer than one concatenated SMS. Pure; the sender checks every
// text before it goes out, so an edited template cannot slip a link through.
export const SMS_MAX_SEGMENTS = 10;

const GSM_LIKE = /^[\n\r\x20-\x7e]*$/;
const DOMAIN = /(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}\b/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;

/** Segments the text takes: 160/153 characters each in the GSM alphabet, 70/67 in UCS-2. */
export function smsSegments(text: string): number {
  const [single, multi] = GSM_LIKE.test(text) ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / multi);
}

/** What is wrong with the text as an SMS notice, or null when nothing is. */
export function checkSmsText(text: string, officialDomain: string): string | null {
  if (!text.trim()) return 'the SMS text is empty';
  if (/:\/\/|\bwww\./i.test(text))
    return 'the SMS text carries a link: an SMS notice must never carry one';
  if (IPV4.test(text))
    return 'the SMS text carries an IP address: an SMS notice must never carry a link';
  const official = officialDomain.toLowerCase();
  const other = (text.match(DOMAIN) ?? []).find((d) => d.toLowerCase() !== official);
  if (other)
    return `the SMS text names the domain '${other}': only the official domain ${official} may appear`;
  if (!text.toLowerCase().includes(official))
    return `the SMS text does not name the official domain ${official}`;
  const segments = smsSegments(text);
  if (segments > SMS_MAX_SEGMENTS)
    return `the SMS text takes ${segments} segments (at most ${SMS_MAX_SEGMENTS})`;
  return null;
}
