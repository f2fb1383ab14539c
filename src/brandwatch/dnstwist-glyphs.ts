// The homoglyph and Cyrillic tables whose output Warden must contain: the same characters
// dnstwist substitutes, including its per-registry IDN repertoires (a registry that accepts no
// IDN label gets the ASCII look-alikes only). Data only; confusable-glyphs.ts adds UTS #39 ones.

export type GlyphTable = Readonly<Record<string, readonly string[]>>;

/** Look-alikes made of ASCII only, offered under every suffix (incl. windows `rn`/`m`, `cl`/`d`). */
export const ASCII_GLYPHS: GlyphTable = {
  '0': ['o'], '1': ['l', 'i'], '3': ['8'], '6': ['9'], '8': ['3'], '9': ['6'],
  b: ['d', 'lb'], c: ['e'], d: ['b', 'cl', 'dl'], e: ['c'], g: ['q'], h: ['lh'], i: ['1', 'l'],
  k: ['lc'], l: ['1', 'i'], m: ['n', 'nn', 'rn'], n: ['m', 'r'], o: ['0'], q: ['g'], u: ['v'],
  v: ['u'], w: ['vv'], rn: ['m'], cl: ['d'],
};

/** Latin look-alikes for suffixes without a registry-specific repertoire (e.g. `.com`). */
export const UNICODE_GLYPHS: GlyphTable = {
  '2': ['ƻ'], '3': ['ʒ'], '5': ['ƽ'],
  a: [...'ạăȧɑåąâǎáəäãāà'], b: [...'ḃḅƅʙḇɓ'], c: [...'čᴄċçćĉƈ'], d: [...'ďḍḋɖḏɗḓḑđ'],
  e: [...'êẹęèḛěɇėĕéëēȩ'], f: [...'ḟƒ'], g: [...'ǧġǵğɡǥĝģɢ'], h: [...'ȟḫḩḣɦḥḧħẖⱨĥ'],
  i: [...'ɩǐíɪỉȋɨïīĩịîıĭįì'], j: [...'ǰĵʝɉ'], k: [...'ĸǩⱪḵķᴋḳ'], l: [...'ĺłɫļľ'],
  m: [...'ᴍṁḿṃɱ'], n: [...'ņǹńňṅṉṇꞑñŋ'], o: [...'öóȯỏôᴏōòŏơőõọø'], p: [...'ṗƿƥṕ'],
  q: ['ʠ'], r: [...'ʀȓɍɾřṛɽȑṙŗŕɼṟ'], s: [...'ṡșŝꜱʂšśṣş'], t: [...'ťƫţṭṫțŧ'],
  u: [...'ᴜųŭūűǔȕưùůʉúȗüûũụ'], v: [...'ᶌṿᴠⱴⱱṽ'], w: [...'ᴡẇẅẃẘẉⱳŵẁ'], x: [...'ẋẍ'],
  y: [...'ŷÿʏẏɏƴȳýỿỵ'], z: [...'žƶẓẕⱬᴢżźʐ'], ae: ['æ'], oe: ['œ'],
};

const NO_IDN: GlyphTable = {};

const INFO: GlyphTable = {
  a: [...'áäåą'], c: [...'ćč'], e: [...'éėę'], i: [...'íį'], l: ['ł'], n: [...'ñń'],
  o: [...'óöøő'], s: [...'śš'], u: [...'úüūűų'], z: [...'źżž'], ae: ['æ'],
};
const BR: GlyphTable = {
  a: [...'àáâã'], c: ['ç'], e: [...'éê'], i: ['í'], o: [...'óôõ'], u: [...'úü'], y: [...'ýÿ'],
};
const DK: GlyphTable = { a: [...'äå'], e: ['é'], o: [...'öø'], u: ['ü'], ae: ['æ'] };
const EU_DE_PL: GlyphTable = {
  a: [...'áàăâåäãąā'], c: [...'ćĉčċç'], d: [...'ďđ'], e: [...'éèĕêěëėęē'], g: [...'ğĝġģ'],
  h: [...'ĥħ'], i: [...'íìĭîïĩįī'], j: ['ĵ'], k: [...'ķĸ'], l: [...'ĺľļł'], n: [...'ńňñņ'],
  o: [...'óòŏôöőõøō'], r: [...'ŕřŗ'], s: [...'śŝšş'], t: [...'ťţŧ'], u: [...'úùŭûůüűũųū'],
  w: ['ŵ'], y: [...'ýŷÿ'], z: [...'źžż'], ae: ['æ'], oe: ['œ'],
};
const FI: GlyphTable = {
  '3': ['ʒ'], a: [...'áäåâ'], c: ['č'], d: ['đ'], g: [...'ǧǥ'], k: ['ǩ'], n: ['ŋ'], o: [...'õö'],
  s: ['š'], t: ['ŧ'], z: ['ž'],
};
const NO: GlyphTable = {
  a: [...'áàäå'], c: [...'čç'], e: [...'éèê'], i: ['ï'], n: [...'ŋńñ'], o: [...'óòôöø'],
  s: ['š'], t: ['ŧ'], u: ['ü'], z: ['ž'], ae: ['æ'],
};
const FR: GlyphTable = {
  a: [...'àáâãäå'], c: ['ç'], e: [...'èéêë'], i: [...'ìíîï'], n: ['ñ'], o: [...'òóôõö'],
  u: [...'ùúûü'], y: [...'ýÿ'], ae: ['æ'], oe: ['œ'],
};
const CA: GlyphTable = {
  a: [...'àâ'], c: ['ç'], e: [...'èéêë'], i: [...'îï'], o: ['ô'], u: [...'ùûü'], y: ['ÿ'],
  ae: ['æ'], oe: ['œ'],
};

function forSuffixes(suffixes: string[], table: GlyphTable): Array<[string, GlyphTable]> {
  return suffixes.map((s) => [s, table]);
}

/** Registry repertoires by public suffix; a suffix not listed gets UNICODE_GLYPHS. */
export const IDN_GLYPHS_BY_SUFFIX: ReadonlyMap<string, GlyphTable> = new Map([
  ...forSuffixes(['ad', 'cz', 'sk', 'uk', 'co.uk', 'nl', 'edu', 'us'], NO_IDN),
  ...forSuffixes(['jp', 'co.jp', 'ad.jp', 'ne.jp'], NO_IDN),
  ...forSuffixes(['cn', 'com.cn', 'tw', 'com.tw', 'net.tw'], NO_IDN),
  ...forSuffixes(['info'], INFO),
  ...forSuffixes(['br', 'com.br'], BR),
  ...forSuffixes(['dk'], DK),
  ...forSuffixes(['eu', 'de', 'pl'], EU_DE_PL),
  ...forSuffixes(['fi'], FI),
  ...forSuffixes(['no'], NO),
  ...forSuffixes(['be', 'fr', 're', 'yt', 'pm', 'wf', 'tf', 'ch', 'li'], FR),
  ...forSuffixes(['ca'], CA),
]);

/** One Cyrillic letter per Latin letter; a label is rewritten whole or not at all. */
export const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', b: 'ь', c: 'с', d: 'ԁ', e: 'е', g: 'ԍ', h: 'һ', i: 'і', j: 'ј', k: 'к', l: 'ӏ',
  m: 'м', o: 'о', p: 'р', q: 'ԛ', s: 'ѕ', t: 'т', v: 'ѵ', w: 'ԝ', x: 'х', y: 'у',
};

/** The repertoire dnstwist applies under a suffix: ASCII look-alikes plus the registry's. */
export function registryGlyphs(suffix: string): GlyphTable {
  return IDN_GLYPHS_BY_SUFFIX.get(suffix) ?? UNICODE_GLYPHS;
}
