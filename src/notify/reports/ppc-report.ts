// The Japanese PPC breach report (APPI art. 26; Enforcement Rules art. 8(1)): the nine items of
// the PPC form, filled from the incident, its scope, the delivery ledger and the obligations.
// Items the data cannot answer are marked to be completed. Pure.
import { categoryLabel } from '../category-labels.ts';
import { accessWindow, affectedIn, causeOf, noticeProgress, obligationFor } from './report-facts.ts';
import { filled, finishReport, type Report, type ReportInput, toComplete } from './report-model.ts';

export function buildPpcReport(input: ReportInput): Report {
  const inc = input.incident;
  const scope = inc.scope;
  const window = accessWindow(input);
  const persons = affectedIn(input, ['JP']);
  const cause = causeOf(input, 'ja');
  const notices = noticeProgress(input, 'ja');
  const duty = obligationFor(input, ['JP']);
  const vendor = input.vendorName ?? inc.vendor_id;
  const overview = [
    `事案: ${inc.title}`,
    vendor ? `委託先: ${vendor}` : null,
    window ? `不正アクセスの期間（ログより）: ${window}` : null,
    `当社が把握した日時: ${inc.aware_at}`,
    inc.facts.vendor_discovered_at ? `委託先が発覚した日時: ${inc.facts.vendor_discovered_at}` : null,
  ].filter((l): l is string => l !== null);
  const items = [
    filled('overview', '概要 (overview)', overview.join('\n'), 'incident'),
    scope && scope.fields.length > 0
      ? filled('personal_data', '漏えい等が発生し、又は発生したおそれがある個人データの項目 (personal data involved)', scope.fields.map((f) => `${categoryLabel(f, 'ja')} (${f})`).join('、'), 'scope')
      : toComplete('personal_data', '漏えい等が発生し、又は発生したおそれがある個人データの項目 (personal data involved)', 'scope the incident first (warden scope ID)'),
    persons !== null
      ? filled('persons', '本人の数 (number of persons)', `${persons}名${scope?.affected.inferred ? `（うちログからの推定 ${scope.affected.inferred}名を含む全体 ${scope.affected.total}名）` : ''}`, 'scope')
      : toComplete('persons', '本人の数 (number of persons)', 'scope the incident first'),
    cause ? filled('cause', '原因 (cause)', cause, 'facts') : toComplete('cause', '原因 (cause)', 'the cause has not been established (set facts.cause)'),
    inc.facts.misuse_confirmed && input.factsSet.includes('misuse_confirmed')
      ? filled('secondary_damage', '二次被害又はそのおそれの有無及びその内容 (secondary damage or risk)', '二次被害（不正利用）が確認されている', 'facts')
      : toComplete('secondary_damage', '二次被害又はそのおそれの有無及びその内容 (secondary damage or risk)', 'state whether misuse has been seen and the risk (e.g. phishing using the contact data)'),
    notices ? filled('response_to_persons', '本人への対応の実施状況 (response to the persons)', notices, 'ledger') : toComplete('response_to_persons', '本人への対応の実施状況 (response to the persons)', 'no customer notices drafted yet (warden notify draft ID)'),
    toComplete('public_announcement', '公表の実施状況 (public announcement)', 'record whether and when the incident was announced publicly'),
    toComplete('recurrence_prevention', '再発防止のための措置 (recurrence prevention measures)', 'describe the measures taken and planned'),
    duty
      ? filled('other', 'その他参考となる事項 (other)', `${duty.law}: ${duty.recipient}; 期限 ${duty.deadline ?? duty.due}`, 'obligations')
      : toComplete('other', 'その他参考となる事項 (other)', 'no obligations decision for JP yet (warden obligations)'),
  ];
  return finishReport({
    form: 'JP-PPC',
    jurisdiction: input.jurisdiction,
    kind: input.kind,
    title: input.kind === 'preliminary' ? '漏えい等報告（速報） / Breach report to the PPC (preliminary)' : '漏えい等報告（確報） / Breach report to the PPC (final)',
    incident_id: inc.id,
    generated_at: input.now,
    recipient: duty?.recipient ?? '個人情報保護委員会 (Personal Information Protection Commission)',
    deadline: duty?.deadline ?? null,
    items,
  });
}
