// The incident workspace: scope (confirmed/inferred, fields, by jurisdiction), the attacker's
// timeline, obligations with deadlines and citations, notices, downloads, decision history.
import { useState } from 'react';
import { ApiError, api } from '../api.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { type Bucket, TimelineChart } from '../charts/timeline-chart.tsx';
import { Countdown } from '../countdown.tsx';
import { useI18n } from '../i18n.ts';
import type { IncidentDetail, Obligation } from '../types.ts';
import { useApi } from '../use-api.ts';

interface Decision {
  id: string;
  at: string;
  kind: string;
  actor: string;
}

function RequiredCell({ o }: { o: Obligation }) {
  const { t } = useI18n();
  return <td>{o.required === 'assess' ? t('assess') : o.required ? t('yes') : t('no')}</td>;
}

function ReportDownload({ id, jurisdictions }: { id: string; jurisdictions: string[] }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string>();
  const fetchReport = async (j: string) => {
    setMessage(undefined);
    const res = await fetch(`/api/incidents/${encodeURIComponent(id)}/reports/${j}?format=md`, { credentials: 'same-origin' });
    if (!res.ok) {
      const p = (await res.json().catch(() => ({}))) as { detail?: string };
      setMessage(new ApiError(res.status, p.detail ?? res.statusText).message);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `report-${id}-${j}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div>
      {jurisdictions.map((j) => (
        <button type="button" key={j} onClick={() => void fetchReport(j)}>
          {t('reportDraft')}: {j}
        </button>
      ))}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

export function IncidentPage({ id, canDraft }: { id: string; canDraft: boolean }) {
  const { t, fmtNum, fmtTime, notifyLabel } = useI18n();
  const base = `/api/incidents/${encodeURIComponent(id)}`;
  const { data, error, reload } = useApi<IncidentDetail>(base);
  const timeline = useApi<{ buckets: Bucket[] }>(`${base}/timeline`);
  const decisions = useApi<Decision[]>(`${base}/decisions`);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  const n = data.notices;
  const noticeTotal = n.queued + n.sent + n.failed + n.bounced;
  return (
    <>
      <h1>{data.title}</h1>
      <p>
        {t('awareAt')}: {fmtTime(data.aware_at)} · {data.status}
      </p>
      <div className="cards">
        <section className="card" aria-labelledby="affected-h">
          <h2 id="affected-h">{t('affected')}</h2>
          <p className="big" data-testid="affected-total">
            {fmtNum(data.affected.total)}
          </p>
          <p>
            {t('confirmed')} {fmtNum(data.affected.confirmed)} · {t('inferred')} {fmtNum(data.affected.inferred)}
          </p>
        </section>
        <section className="card">
          <h2>{t('fields')}</h2>
          <ul className="tags">
            {data.fields.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t('byJurisdiction')}</h2>
          <BarChart data={data.by_jurisdiction} label={t('byJurisdiction')} />
        </section>
      </div>
      <section>
        <h2>{t('timeline')}</h2>
        {timeline.data ? <TimelineChart buckets={timeline.data.buckets} /> : <p>{t('loading')}</p>}
      </section>
      <section>
        <h2>{t('obligations')}</h2>
        {data.obligations_source === 'preview' && <p className="note">{t('preview')}</p>}
        <div className="scroll">
          <table data-testid="obligations">
            <thead>
              <tr>
                <th>{t('jurisdiction')}</th>
                <th>{t('law')}</th>
                <th>{t('notify')}</th>
                <th>{t('recipient')}</th>
                <th>{t('required')}</th>
                <th>{t('deadline')}</th>
                <th>{t('timeLeft')}</th>
                <th>{t('basis')}</th>
              </tr>
            </thead>
            <tbody>
              {data.obligations.map((o) => (
                <tr key={`${o.jurisdiction}|${o.law}|${o.notify}|${o.recipient}|${o.due}`}>
                  <td>{o.jurisdiction}</td>
                  <td>{o.law}</td>
                  <td>{notifyLabel(o.notify)}</td>
                  <td>{o.recipient}</td>
                  <RequiredCell o={o} />
                  <td>{o.deadline ? fmtTime(o.deadline) : o.due}</td>
                  <td>{o.deadline ? <Countdown deadline={o.deadline} /> : '—'}</td>
                  <td className="basis">{o.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>{t('notices')}</h2>
        <progress max={Math.max(1, noticeTotal)} value={n.sent} aria-label={t('notices')} />
        {canDraft && noticeTotal === 0 && (
          <button type="button" onClick={() => void api('POST', `${base}/notices/draft`).then(reload)}>
            {t('draftNotices')}
          </button>
        )}
        <p>
          {t('sent')} {fmtNum(n.sent)} · {t('queued')} {fmtNum(n.queued)} · {t('failed')} {fmtNum(n.failed)} · {t('bounced')} {fmtNum(n.bounced)}
        </p>
      </section>
      <section>
        <h2>{t('downloads')}</h2>
        <p>
          <a href={`${base}/affected.csv`} download data-testid="download-affected">
            {t('affectedCsv')}
          </a>
        </p>
        <ReportDownload id={id} jurisdictions={Object.keys(data.by_jurisdiction)} />
      </section>
      <section>
        <h2>{t('decisions')}</h2>
        <ol className="decisions">
          {(decisions.data ?? []).map((d) => (
            <li key={d.id}>
              {fmtTime(d.at)} — {d.kind} — {d.actor}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
