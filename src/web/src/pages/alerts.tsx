// Alerts: the list, and one alert with its evidence events and "open incident from alert".
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import type { Alert } from '../types.ts';
import { useApi } from '../use-api.ts';

const groupText = (g: Record<string, unknown>) =>
  Object.entries(g)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');

export function AlertsPage() {
  const { t, fmtTime } = useI18n();
  const { data, error } = useApi<Alert[]>('/api/alerts');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <>
      <h1>{t('alerts')}</h1>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{t('level')}</th>
              <th>{t('rule')}</th>
              <th>{t('actor')}</th>
              <th>{t('first')}</th>
              <th>{t('count')}</th>
              <th>{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id}>
                <td className={`level ${a.level}`}>{a.level}</td>
                <td>
                  <Link to={`/alerts/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                </td>
                <td>{groupText(a.group)}</td>
                <td>{fmtTime(a.first)}</td>
                <td className="num">{a.count}</td>
                <td>{a.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface EvidenceEvent {
  id: string;
  time: string;
  actor_user: string | null;
  src_ip: string | null;
  action: string;
  record_count: number;
  query: string | null;
}

export function AlertPage({ id, canRespond }: { id: string; canRespond: boolean }) {
  const { t, fmtTime } = useI18n();
  const { data, error } = useApi<Alert & { evidence_events: EvidenceEvent[] }>(`/api/alerts/${encodeURIComponent(id)}`);
  const [problem, setProblem] = useState<string>();
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  const open = async () => {
    try {
      const r = await api<{ id: string }>('POST', `/api/alerts/${encodeURIComponent(id)}/incident`, {});
      navigate(`/incidents/${encodeURIComponent(r.id)}`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <h1>{data.title}</h1>
      <p>
        <span className={`level ${data.level}`}>{data.level}</span> · {data.rule} · {groupText(data.group)} · {fmtTime(data.first)} – {fmtTime(data.last)} · {data.status}
      </p>
      {data.incident_id ? (
        <p>
          <Link to={`/incidents/${encodeURIComponent(data.incident_id)}`}>{data.incident_id}</Link>
        </p>
      ) : (
        canRespond && (
          <button type="button" onClick={() => void open()}>
            {t('openIncident')}
          </button>
        )
      )}
      {problem && <p role="alert">{problem}</p>}
      <h2>{t('evidence')}</h2>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{t('at')}</th>
              <th>{t('actor')}</th>
              <th>IP</th>
              <th>{t('action')}</th>
              <th>{t('count')}</th>
              <th>query</th>
            </tr>
          </thead>
          <tbody>
            {data.evidence_events.map((e) => (
              <tr key={e.id}>
                <td>{fmtTime(e.time)}</td>
                <td>{e.actor_user}</td>
                <td>{e.src_ip}</td>
                <td>{e.action}</td>
                <td className="num">{e.record_count}</td>
                <td>
                  <code>{e.query}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
