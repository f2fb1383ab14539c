// Warden's built-in word and suffix lists: words phishers pair with a brand (English and the
// Japanese romaji seen in lures sent to Japanese customers), and suffixes they register under.
// Data only; `--dictionary FILE` / `--tld FILE` add to these.

export const PHISHING_WORDS: readonly string[] = [
  // English
  'account', 'alert', 'apology', 'app', 'auth', 'billing', 'campaign', 'care', 'claim',
  'compensation', 'confirm', 'connect', 'contact', 'customer', 'customers', 'dealer', 'desk',
  'finance', 'help', 'helpdesk', 'id', 'info', 'login', 'mail', 'member', 'members', 'mypage',
  'news', 'notice', 'official', 'online', 'owner', 'owners', 'pay', 'payment', 'portal',
  'recall', 'refund', 'register', 'reset', 'rewards', 'secure', 'security', 'service',
  'services', 'signin', 'sso', 'support', 'update', 'verify', 'verification', 'wallet',
  'warranty', 'web', 'jp', 'japan', 'global', 'group',
  // Japanese romaji: customer, support, inquiry, confirmation, procedure, refund, notice,
  // service desk, identity, authentication, contract, payment, invoice, registration, renewal,
  // safety, warranty, vehicle inspection, inspection, member, apology, compensation, recall
  'kokyaku', 'shien', 'sapoto', 'otoiawase', 'toiawase', 'kakunin', 'tetsuzuki', 'henkin',
  'oshirase', 'madoguchi', 'honnin', 'ninsho', 'keiyaku', 'shiharai', 'seikyu', 'touroku',
  'koushin', 'anzen', 'hosho', 'shaken', 'tenken', 'kaiin', 'owabi', 'hosyo', 'rikoru',
];

export const COMMON_TLDS: readonly string[] = [
  'com', 'net', 'org', 'info', 'biz', 'co', 'io', 'me', 'cc', 'tv', 'ws', 'pw', 'us', 'eu',
  'jp', 'co.jp', 'ne.jp', 'or.jp', 'cn', 'com.cn', 'tw', 'com.tw', 'hk', 'com.hk', 'kr',
  'co.kr', 'sg', 'com.sg', 'my', 'com.my', 'th', 'co.th', 'vn', 'com.vn', 'id', 'co.id',
  'ph', 'com.ph', 'in', 'co.in', 'au', 'com.au', 'nz', 'co.nz', 'uk', 'co.uk', 'de', 'fr',
  'it', 'es', 'nl', 'ru', 'ca', 'mx', 'com.mx', 'br', 'com.br', 'xyz', 'top', 'online',
  'site', 'shop', 'store', 'club', 'app', 'dev', 'tech', 'live', 'support', 'help',
  'services', 'asia', 'tokyo', 'icu', 'vip', 'link', 'click', 'buzz', 'cyou', 'rest', 'fun',
  'space', 'website', 'work', 'life', 'today', 'world', 'email', 'cfd', 'sbs', 'bond',
];
