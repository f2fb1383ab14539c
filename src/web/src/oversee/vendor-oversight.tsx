// The dashboard's oversight page for one vendor (/vendors/:id): tier and inherent risk, residual
// risk explained line by line, the signals with their reasons, the score trend, open findings
// and the next review. Reads /api/oversee/*; its labels live here in both languages.
import { useI18n } from '../i18n.ts';
import { useApi } from '../use-api.ts';

interface Risk {
  vendor_id: string;
  tier: { tier: string; computed_tier: string; score: number; vendor_name: string; override: { reason: string } | null; lines: Array<{ factor: string; points: number; max: number; reason: string }> };
  latest_assessment: { id: string; status: string; score: number | null; due_at: string } | null;
  signals: Array<{ kind: string; points: number; reason: string; ref: string }>;
  residual: { residual: number; lines: string[] };
  trend: Array<{ id: string; at: string; score: number; change: number | null }>;
  open_findings: Array<{ id: string; title: string; severity: string; owner: string; due_at: string; status: string }>;
}
interface Review { vendor_id: string; due_at: string; overdue: boolean; reason: string }

const L = {
  en: { title: 'Oversight', tier: 'Tier', inherent: 'Inherent risk', residual: 'Residual risk', why: 'How it is computed', signals: 'Signals', none: 'None', trend: 'Assessment scores', findings: 'Open findings', review: 'Next review', overdue: 'overdue', report: 'assessment report', override: 'override', cols: ['Severity', 'Finding', 'Owner', 'Due', 'Status'] },
  ja: { title: '委託先管理', tier: 'ティア', inherent: '固有リスク', residual: '残余リスク', why: '算出根拠', signals: 'シグナル', none: 'なし', trend: '評価スコア', findings: '未解決の指摘事項', review: '次回レビュー', overdue: '期限超過', report: '評価レポート', override: '手動設定', cols: ['重大度', '指摘事項', '担当', '期限', '状態'] },
};

export function VendorOversightPage(props: { id: string }) {
  const { lang } = useI18n();
  const l = L[lang === 'ja' ? 'ja' : 'en'];
  const { data, error } = useApi<Risk>(`/api/oversee/vendors/${encodeURIComponent(props.id)}/risk`);
  const reviews = useApi<Review[]>('/api/oversee/reviews');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>…</p>;
  const review = reviews.data?.find((r) => r.vendor_id === props.id);
  return (
    <>
      <h1>
        {l.title}: {data.tier.vendor_name}
      </h1>
      <section className="card" data-testid="oversight-summary">
        <dl>
          <dt>{l.tier}</dt>
          <dd>
            {data.tier.tier}
            {data.tier.override ? ` (${l.override}: ${data.tier.override.reason})` : ''}
          </dd>
          <dt>{l.inherent}</dt>
          <dd>{data.tier.score}</dd>
          <dt>{l.residual}</dt>
          <dd data-testid="residual">{data.residual.residual}</dd>
          {review ? (
            <>
              <dt>{l.review}</dt>
              <dd>
                {review.due_at.slice(0, 10)} {review.overdue ? `(${l.overdue})` : ''} — {review.reason}
              </dd>
            </>
          ) : null}
        </dl>
        <details>
          <summary>{l.why}</summary>
          <ul>
            {data.tier.lines.map((x) => (
              <li key={x.factor}>
                {x.factor}: {x.points}/{x.max} — {x.reason}
              </li>
            ))}
          </ul>
          <ol>
            {data.residual.lines.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ol>
        </details>
      </section>
      <section className="card">
        <h2>{l.signals}</h2>
        {data.signals.length === 0 ? <p>{l.none}</p> : null}
        <ul data-testid="signals">
          {data.signals.map((s) => (
            <li key={`${s.kind}:${s.ref}`}>
              +{s.points} {s.kind}: {s.reason}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{l.trend}</h2>
        <ul>
          {data.trend.map((t) => (
            <li key={t.id}>
              {t.at.slice(0, 10)}: {t.score}% {t.change === null ? '' : `(${t.change >= 0 ? '+' : ''}${t.change})`} — <a href={`/oversee/assessments/${encodeURIComponent(t.id)}`}>{l.report}</a>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{l.findings}</h2>
        <table data-testid="findings">
          <thead>
            <tr>
              {l.cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.open_findings.map((f) => (
              <tr key={f.id}>
                <td>{f.severity}</td>
                <td>{f.title}</td>
                <td>{f.owner}</td>
                <td>{f.due_at.slice(0, 10)}</td>
                <td>{f.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
