// The audit log for admins and auditors, with the hash-chain check.
import { useI18n } from '../i18n.ts';
import { useApi } from '../use-api.ts';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
}

export function AuditPage() {
  const { t, fmtTime } = useI18n();
  const { data, error } = useApi<Entry[]>('/api/audit?limit=200');
  const verify = useApi<{ ok: boolean; entries: number; break: { seq: number; problem: string } | null }>('/api/audit/verify');
  if (error) return <p role="alert">{error}</p>;
  return (
    <>
      <h1>{t('audit')}</h1>
      {verify.data && (
        <p className={verify.data.ok ? 'ok' : 'overdue'} role="status">
          {verify.data.ok ? t('chainOk') : t('chainBroken')} ({verify.data.entries}){verify.data.break ? `: #${verify.data.break.seq} ${verify.data.break.problem}` : ''}
        </p>
      )}
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('at')}</th>
              <th>{t('actor')}</th>
              <th>{t('action')}</th>
              <th>{t('target')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td>{fmtTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
