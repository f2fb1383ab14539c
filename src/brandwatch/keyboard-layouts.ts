// Keyboard neighbours per layout: which keys a finger slips onto when typing a character.
// The insertion and replacement fuzzers read these; the tables follow dnstwist's (same keys,
// same neighbours) so that Warden's output contains dnstwist's.

export type KeyboardLayout = 'qwerty' | 'qwertz' | 'azerty';
export const KEYBOARD_LAYOUTS: readonly KeyboardLayout[] = ['qwerty', 'qwertz', 'azerty'];

type Neighbours = Readonly<Record<string, string>>;

const DIGITS = {
  '1': '2q', '2': '3wq1', '3': '4ew2', '4': '5re3', '5': '6tr4',
  '7': '8uy6', '8': '9iu7', '9': '0oi8', '0': 'po9',
} as const;

const QWERTY: Neighbours = {
  ...DIGITS, '6': '7yt5',
  q: '12wa', w: '3esaq2', e: '4rdsw3', r: '5tfde4', t: '6ygfr5', y: '7uhgt6', u: '8ijhy7',
  i: '9okju8', o: '0plki9', p: 'lo0', a: 'qwsz', s: 'edxzaw', d: 'rfcxse', f: 'tgvcdr',
  g: 'yhbvft', h: 'ujnbgy', j: 'ikmnhu', k: 'olmji', l: 'kop', z: 'asx', x: 'zsdc', c: 'xdfv',
  v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

const QWERTZ: Neighbours = {
  ...DIGITS, '6': '7zt5', '7': '8uz6',
  q: '12wa', w: '3esaq2', e: '4rdsw3', r: '5tfde4', t: '6zgfr5', z: '7uhgt6', u: '8ijhz7',
  i: '9okju8', o: '0plki9', p: 'lo0', a: 'qwsy', s: 'edxyaw', d: 'rfcxse', f: 'tgvcdr',
  g: 'zhbvft', h: 'ujnbgz', j: 'ikmnhu', k: 'olmji', l: 'kop', y: 'asx', x: 'ysdc', c: 'xdfv',
  v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

const AZERTY: Neighbours = {
  ...DIGITS, '1': '2a', '2': '3za1', '3': '4ez2', '6': '7yt5',
  a: '2zq1', z: '3esqa2', e: '4rdsz3', r: '5tfde4', t: '6ygfr5', y: '7uhgt6', u: '8ijhy7',
  i: '9okju8', o: '0plki9', p: 'lo0m', q: 'zswa', s: 'edxwqz', d: 'rfcxse', f: 'tgvcdr',
  g: 'yhbvft', h: 'ujnbgy', j: 'iknhu', k: 'olji', l: 'kopm', m: 'lp', w: 'sxq', x: 'wsdc',
  c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhj',
};

const LAYOUTS: Readonly<Record<KeyboardLayout, Neighbours>> = {
  qwerty: QWERTY,
  qwertz: QWERTZ,
  azerty: AZERTY,
};

export function neighbourTables(layouts: readonly KeyboardLayout[]): Neighbours[] {
  return layouts.map((l) => LAYOUTS[l]);
}

export function isKeyboardLayout(name: string): name is KeyboardLayout {
  return (KEYBOARD_LAYOUTS as readonly string[]).includes(name);
}
