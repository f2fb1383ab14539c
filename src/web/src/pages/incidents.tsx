// The incident list.
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { IncidentHead } from '../types.ts';
import { useApi } from '../use-api.ts';

export function IncidentsPage() {
  const { t, fmtNum, fmtTime } = useI18n();
  const { data, error } = useApi<IncidentHead[]>('/api/incidents');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <>
      <h1>{t('incidents')}</h1>
      <table>
        <thead>
          <tr>
            <th>{t('title')}</th>
            <th>{t('awareAt')}</th>
            <th>{t('affected')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link>
              </td>
              <td>{fmtTime(i.aware_at)}</td>
              <td className="num">{fmtNum(i.affected.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
