// The pure SMS pieces: where a text can go (E.164, Japanese landlines refused) and what a text
// may say (no link of any kind, only the official domain, a bounded length).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { smsRecipient } from '../../src/notify/sms-recipient.ts';
import { checkSmsText, SMS_MAX_SEGMENTS, smsSegments } from '../../src/notify/sms-text.ts';

describe('SMS recipient', () => {
  test('Japanese mobiles in national or international form become E.164', () => {
    assert.deepEqual(smsRecipient('090-1234-5678', 'JP'), { ok: true, to: '+819012345678' });
    assert.deepEqual(smsRecipient('080 1234 5678', 'JP'), { ok: true, to: '+818012345678' });
    assert.deepEqual(smsRecipient('+81 70-1234-5678', 'DE'), { ok: true, to: '+817012345678' });
    assert.deepEqual(smsRecipient('0081 90 1234 5678', 'US'), { ok: true, to: '+819012345678' });
  });

  test('Japanese landlines and free-dial numbers cannot receive a text', () => {
    for (const n of ['03-1234-5678', '+81 3 1234 5678', '0120-000-123', '06-6123-4567']) {
      const r = smsRecipient(n, 'JP');
      assert.equal(r.ok, false, n);
      assert.match(r.ok ? '' : r.reason, /not a Japanese mobile/);
    }
  });

  test('other countries: trunk prefix dropped, North American numbers with or without 1', () => {
    assert.deepEqual(smsRecipient('07700 900123', 'GB'), { ok: true, to: '+447700900123' });
    assert.deepEqual(smsRecipient('0151 12345678', 'de'), { ok: true, to: '+4915112345678' });
    assert.deepEqual(smsRecipient('(415) 555-0100', 'US'), { ok: true, to: '+14155550100' });
    assert.deepEqual(smsRecipient('1 415 555 0100', 'US-CA'.slice(0, 2)), {
      ok: true,
      to: '+14155550100',
    });
  });

  test('no number, letters, an unknown national plan or a wrong length are refused with the reason', () => {
    assert.deepEqual(smsRecipient('', 'JP'), { ok: false, reason: 'no phone number on file' });
    assert.deepEqual(smsRecipient(undefined, 'JP'), {
      ok: false,
      reason: 'no phone number on file',
    });
    assert.match(
      JSON.stringify(smsRecipient('090-CALL-NOW', 'JP')),
      /characters other than digits/,
    );
    assert.match(JSON.stringify(smsRecipient('333 1234567', 'IT')), /not in international form/);
    assert.match(JSON.stringify(smsRecipient('+1234', 'JP')), /wrong length/);
  });

  test('whatever the input, an accepted number is + and 8 to 15 digits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 24 }),
        fc.constantFrom('JP', 'GB', 'US', 'IT', 'XX', ''),
        (phone, country) => {
          const r = smsRecipient(phone, country);
          if (r.ok) assert.match(r.to, /^\+\d{8,15}$/);
          else assert.ok(r.reason.length > 0);
        },
      ),
    );
  });
});

describe('SMS text', () => {
  const domain = 'example-motor.example';
  const good = `Example Motor: your name may have been exposed. We will never ask for your password. Type ${domain} yourself or call 0120-000-123.`;

  test('a text naming only the official domain, without links, passes', () => {
    assert.equal(checkSmsText(good, domain), null);
    assert.equal(checkSmsText(good.replace(domain, 'EXAMPLE-MOTOR.example'), domain), null);
  });

  test('links, www, IP addresses and other domains are refused', () => {
    assert.match(checkSmsText(`${good} https://${domain}/x`, domain) ?? '', /carries a link/);
    assert.match(checkSmsText(`${good} www.${domain}`, domain) ?? '', /carries a link/);
    assert.match(checkSmsText(`${good} 203.0.113.7`, domain) ?? '', /IP address/);
    assert.match(checkSmsText(`${good} bit.ly/abc`, domain) ?? '', /names the domain 'bit\.ly'/);
    assert.match(
      checkSmsText(`${good} example-motor-support.example`, domain) ?? '',
      /example-motor-support\.example/,
    );
  });

  test('a text without the official domain, empty, or too long is refused', () => {
    assert.match(
      checkSmsText('Call 0120-000-123.', domain) ?? '',
      /does not name the official domain/,
    );
    assert.match(checkSmsText('  ', domain) ?? '', /empty/);
    assert.match(
      checkSmsText(`${'あ'.repeat(67 * SMS_MAX_SEGMENTS)} ${domain}`, domain) ?? '',
      /segments/,
    );
  });

  test('segments: 160/153 characters in the GSM alphabet, 70/67 in UCS-2', () => {
    assert.deepEqual(
      [smsSegments('a'.repeat(160)), smsSegments('a'.repeat(161)), smsSegments('a'.repeat(306))],
      [1, 2, 2],
    );
    assert.deepEqual(
      [smsSegments('あ'.repeat(70)), smsSegments('あ'.repeat(71)), smsSegments('あ'.repeat(134))],
      [1, 2, 2],
    );
  });
});
