// Child process for the kill -9 test: runs `sendEmailNotices` against the given store and SMTP
// server until the parent kills it. Args: storeUrl keyBase64 incidentId smtpUrl window.
import { keyId } from '../../src/crypto/keyring.ts';
import { createEmailTransport } from '../../src/notify/email-transport.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { sendEmailNotices } from '../../src/notify/send-email-notices.ts';
import { openStore } from '../../src/store/open-store.ts';

const [url = '', keyB64 = '', incident = '', smtpUrl = '', window = '5'] = process.argv.slice(2);
const key = Buffer.from(keyB64, 'base64');
const k = { id: keyId(key), key };
const store = await openStore(url);
const transport = createEmailTransport(smtpUrl, { maxConnections: 2 });
await sendEmailNotices(store, { current: k, byId: new Map([[k.id, k]]) }, incident, { transport, from: 'n@notice-test.example', org: loadOrgProfile({ WARDEN_ORG_DOMAIN: 'notice-test.example' }), actor: 'child', window: Number(window) });
transport.close();
await store.close();
