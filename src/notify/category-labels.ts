// Customer-facing names of the data categories, per locale. Pure data; templates never see the
// internal vocabulary. Also the categories a notice names as "not involved" when they were not.
export type NoticeLocale = 'ja' | 'en';

const LABELS: Record<string, { ja: string; en: string }> = {
  name: { ja: '氏名', en: 'name' },
  postal_address: { ja: '住所', en: 'postal address' },
  phone: { ja: '電話番号', en: 'phone number' },
  email: { ja: 'メールアドレス', en: 'email address' },
  date_of_birth: { ja: '生年月日', en: 'date of birth' },
  gender: { ja: '性別', en: 'gender' },
  national_id: { ja: 'マイナンバー等の公的番号', en: 'national identification number' },
  drivers_license: { ja: '運転免許証番号', en: "driver's licence number" },
  passport: { ja: '旅券番号', en: 'passport number' },
  financial_account: { ja: '銀行口座情報', en: 'bank account details' },
  payment_card: { ja: 'クレジットカード番号', en: 'payment card number' },
  account_credentials: { ja: 'パスワード等のログイン情報', en: 'passwords and login details' },
  health: { ja: '健康に関する情報', en: 'health information' },
  biometric: { ja: '生体情報', en: 'biometric data' },
  precise_geolocation: { ja: '詳細な位置情報', en: 'precise location' },
  vehicle_id: { ja: '車台番号・登録番号', en: 'vehicle identification and registration numbers' },
  vehicle_purchase: { ja: '車両のご購入に関する情報', en: 'vehicle purchase details' },
  service_history: { ja: '点検・整備の履歴', en: 'service and maintenance history' },
  employment: { ja: '勤務先情報', en: 'employment details' },
  other: { ja: 'その他の情報', en: 'other information' },
};

/** Categories customers most fear for; a notice says plainly which of these were NOT involved. */
export const REASSURE_CATEGORIES = ['payment_card', 'financial_account', 'account_credentials', 'national_id', 'drivers_license', 'passport', 'health'];

export function categoryLabel(category: string, locale: NoticeLocale): string {
  return LABELS[category]?.[locale] ?? category;
}

export function isKnownCategory(category: string): boolean {
  return category in LABELS;
}
