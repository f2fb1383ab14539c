// Every notice template, rendered in both locales, carries the required content: what happened
// and when, this customer's data categories, what was not involved, what the company did, what
// to do, a phishing warning naming the official domain and phone, and a contact point. Emails
// carry no tracking pixels and link nowhere but the official domain.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { WardenError } from '../../src/errors.ts';
import { categoryLabel, type NoticeLocale } from '../../src/notify/category-labels.ts';
import { buildNoticeContext, type NoticeFacts, noticeLocale } from '../../src/notify/notice-context.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { checkSmsText, smsSegments } from '../../src/notify/sms-text.ts';
import { TemplateRenderer, type TemplateName } from '../../src/notify/template-renderer.ts';

const org = loadOrgProfile({ WARDEN_ORG_DOMAIN: 'notice-test.example', WARDEN_ORG_PHONE: '0120-999-111', WARDEN_ORG_NAME: 'Test Motor' });
const facts: NoticeFacts = { incidentId: 'inc-1', title: 't', awareAt: '2026-11-05T10:00:00+09:00', firstAccess: '2026-11-02T02:13:05+09:00', lastAccess: '2026-11-03T04:00:00+09:00', vendorName: 'Example CRM K.K.' };
const fields = ['name', 'phone', 'vehicle_purchase'];

function ctx(locale: NoticeLocale, fake: string[] = ['test-motor-support.example']) {
  return buildNoticeContext({ locale, org, customerName: locale === 'ja' ? '山田 太郎' : 'Jane Smith', postalAddress: '東京都千代田区1-1', fields, facts, fakeDomains: fake, reference: 'abcdef0123456789' });
}

// Per locale, phrases that mark each required section (the section's heading or its core words).
const REQUIRED: Record<NoticeLocale, Record<string, string[]>> = {
  ja: { happened: ['何が起きたか', '2026年11月2日', '2026年11月5日'], did: ['当社の対応'], todo: ['お客様へのお願い'], phishing: ['パスワード', 'クレジットカード番号', 'ありません'], contact: ['お問い合わせ窓口'] },
  en: { happened: ['WHAT HAPPENED', '2 November 2026', '5 November 2026'], did: ['WHAT WE HAVE DONE'], todo: ['WHAT YOU SHOULD DO'], phishing: ['never ask', 'password', 'card number'], contact: ['CONTACT'] },
};

const renderer = new TemplateRenderer();
const FULL: TemplateName[] = ['email.txt', 'email.html', 'letter'];

function plain(s: string): string {
  return s.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'");
}

for (const locale of ['ja', 'en'] as const) {
  describe(`${locale} templates`, () => {
    for (const name of FULL) {
      test(`${name} carries every required section, this customer's fields and what was not involved`, () => {
        const out = plain(renderer.render(name, ctx(locale)));
        for (const [section, phrases] of Object.entries(REQUIRED[locale])) {
          for (const p of phrases) assert.ok(out.toLowerCase().includes(p.toLowerCase()), `${locale}/${name}: section ${section} lacks '${p}'`);
        }
        for (const f of fields) assert.ok(out.includes(categoryLabel(f, locale)), `involved field ${f} missing`);
        for (const f of ['payment_card', 'financial_account', 'account_credentials']) assert.ok(out.includes(categoryLabel(f, locale)), `not-involved ${f} missing`);
        assert.ok(!out.includes(categoryLabel('date_of_birth', locale)), 'a category the customer did not lose is not named as involved');
        assert.ok(out.includes('notice-test.example'), 'official domain');
        assert.ok(out.includes('0120-999-111'), 'official phone');
        assert.ok(out.includes(locale === 'ja' ? '山田 太郎' : 'Jane Smith'), 'customer name');
        assert.ok(out.includes('test-motor-support[.]example'), 'known fake domain listed, defanged');
        assert.ok(!out.includes('test-motor-support.example'), 'fake domain never written as a live domain');
      });
    }

    test('the SMS names the period, the fields, the phishing warning, domain and phone, and carries no link', () => {
      const out = renderer.render('sms', ctx(locale)).trim();
      assert.ok(out.includes(locale === 'ja' ? '2026年11月2日' : '2 November 2026'), 'when');
      for (const f of fields) assert.ok(out.includes(categoryLabel(f, locale)));
      assert.ok(out.includes('notice-test.example') && out.includes('0120-999-111'));
      assert.ok(out.includes(locale === 'ja' ? 'パスワード' : 'never ask for your password'));
      assert.equal(checkSmsText(out, 'notice-test.example'), null, 'no link, no other domain');
      assert.ok(!out.includes('test-motor-support'), 'fake domains stay out of texts (handsets would link them)');
      assert.ok(!out.includes(locale === 'ja' ? '山田' : 'Jane Smith'), 'no name: a number may have changed hands');
    });

    test('the SMS stays short even when every category of the demo incident was involved', () => {
      const all = ['email', 'name', 'phone', 'postal_address', 'service_history', 'vehicle_purchase'];
      const out = renderer.render('sms', buildNoticeContext({ locale, org, customerName: 'x', fields: all, facts, fakeDomains: [], reference: 'r' })).trim();
      assert.ok(smsSegments(out) <= (locale === 'ja' ? 4 : 3), `${smsSegments(out)} segments (${out.length} characters)`);
    });

    test('the HTML email has no images or tracking pixels and links only to the official domain', () => {
      const html = renderer.render('email.html', ctx(locale));
      assert.doesNotMatch(html, /<img|<iframe|<script|<link|background=|url\(/i);
      const urls = [...html.matchAll(/(?:href|src|action)\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? '');
      urls.push(...[...html.matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => m[0]));
      assert.ok(urls.length > 0);
      for (const u of urls) assert.equal(new URL(u).hostname, 'notice-test.example', `link ${u}`);
      const text = renderer.render('email.txt', ctx(locale));
      for (const m of text.matchAll(/https?:\/\/[^\s]+/g)) assert.equal(new URL(m[0]).hostname, 'notice-test.example');
    });
  });
}

describe('template data', () => {
  test('a customer name with markup is escaped in HTML, not injected', () => {
    const c = { ...ctx('en'), customer: { name: '<a href="https://evil.example">x</a>', postalAddress: '' } };
    const html = renderer.render('email.html', c);
    assert.ok(!html.includes('https://evil.example">'));
    assert.ok(html.includes('&lt;a href='));
  });

  test('locale chooses the language, with English as the fallback', () => {
    assert.equal(noticeLocale('ja-JP'), 'ja');
    assert.equal(noticeLocale('ja'), 'ja');
    assert.equal(noticeLocale('en_GB'), 'en');
    assert.equal(noticeLocale('de-DE'), 'en');
    assert.equal(noticeLocale(''), 'en');
    assert.match(renderer.render('subject', ctx('ja')), /重要なお知らせ/);
  });

  test('the notice without known fake domains has no fake-domain list', () => {
    const out = renderer.render('email.txt', ctx('en', []));
    assert.ok(!out.includes('pretend to be us'));
  });

  test('an edited template folder: a locale without its own file falls back to English, includes resolve beside the file, a broken template names its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-tpl-'));
    mkdirSync(join(dir, 'en'));
    writeFileSync(join(dir, 'en', 'subject.eta'), 'Notice from <%~ include("./org.eta", it) %>');
    writeFileSync(join(dir, 'en', 'org.eta'), '<%= it.org.name %>');
    writeFileSync(join(dir, 'en', 'sms.eta'), '<%= it.org.name ');
    const custom = new TemplateRenderer(dir);
    assert.equal(custom.render('subject', ctx('ja')), 'Notice from Test Motor');
    assert.equal(custom.templateFile('ja', 'subject'), join(dir, 'en', 'subject.eta'));
    assert.throws(
      () => custom.render('sms', ctx('en')),
      (err) => err instanceof WardenError && err.code === 'bad_input' && err.where === join(dir, 'en', 'sms.eta'),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  test('the organisation profile rejects a domain that is not one', () => {
    assert.throws(() => loadOrgProfile({ WARDEN_ORG_DOMAIN: 'not a domain' }), /WARDEN_ORG_DOMAIN|not a domain/);
  });
});
