// Brand watch findings: look-alike domains of the organisation's brands.
import { useI18n } from '../i18n.ts';
import { useApi } from '../use-api.ts';

interface Finding {
  id: string;
  brand: string;
  domain: string;
  match: string;
  status: string;
  first_seen: string;
}

export function BrandwatchPage() {
  const { t, fmtTime } = useI18n();
  const { data, error } = useApi<Finding[]>('/api/brandwatch/findings');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <>
      <h1>{t('brandwatch')}</h1>
      {data.length === 0 && <p>{t('noData')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('domain')}</th>
            <th>{t('brand')}</th>
            <th>{t('match')}</th>
            <th>{t('status')}</th>
            <th>{t('first')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((f) => (
            <tr key={f.id}>
              <td>{f.domain}</td>
              <td>{f.brand}</td>
              <td>{f.match}</td>
              <td>{f.status}</td>
              <td>{fmtTime(f.first_seen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
