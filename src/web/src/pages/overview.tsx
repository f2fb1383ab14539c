// Overview: open incidents, alerts of the last 24 h, deadlines soonest first with countdowns.
import { Countdown } from '../countdown.tsx';
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { Alert, Deadline, IncidentHead } from '../types.ts';
import { useApi } from '../use-api.ts';

interface Overview {
  incidents: IncidentHead[];
  alerts_24h: { count: number; latest: Alert[] };
  deadlines: Deadline[];
}

export function OverviewPage() {
  const { t, fmtNum, fmtTime, notifyLabel } = useI18n();
  const { data, error } = useApi<Overview>('/api/overview');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <>
      <h1>{t('overview')}</h1>
      <div className="cards">
        <section className="card">
          <h2>{t('openIncidents')}</h2>
          {data.incidents.length === 0 && <p>{t('noData')}</p>}
          <ul>
            {data.incidents.map((i) => (
              <li key={i.id}>
                <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link> — {t('affected')} <strong>{fmtNum(i.affected.total)}</strong>
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t('alerts24h')}</h2>
          <p className="big">{fmtNum(data.alerts_24h.count)}</p>
          <ul>
            {data.alerts_24h.latest.map((a) => (
              <li key={a.id}>
                <Link to={`/alerts/${encodeURIComponent(a.id)}`}>{a.title}</Link> <span className={`level ${a.level}`}>{a.level}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section>
        <h2>{t('deadlines')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('timeLeft')}</th>
              <th>{t('deadline')}</th>
              <th>{t('jurisdiction')}</th>
              <th>{t('law')}</th>
              <th>{t('recipient')}</th>
              <th>{t('incidents')}</th>
            </tr>
          </thead>
          <tbody>
            {data.deadlines.map((d) => (
              <tr key={`${d.incident}|${d.jurisdiction}|${d.law}|${d.notify}|${d.recipient}`}>
                <td>{d.deadline ? <Countdown deadline={d.deadline} /> : d.due}</td>
                <td>{fmtTime(d.deadline)}</td>
                <td>{d.jurisdiction}</td>
                <td>{d.law}</td>
                <td>
                  {d.recipient} ({notifyLabel(d.notify)})
                </td>
                <td>
                  <Link to={`/incidents/${encodeURIComponent(d.incident)}`}>{d.title}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
