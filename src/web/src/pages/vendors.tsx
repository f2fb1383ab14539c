// Vendors: inventory with systems, data held, access grants and contract SLAs.
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';

interface Vendor {
  id: string;
  name: string;
  contract: { breach_notice_sla_hours?: number; dpa_signed?: boolean; data_location?: string; sub_processors?: string[] };
  systems: Array<{ id: string; name: string; data: string[]; grants: Array<{ account: string; type: string; last_used?: string }> }>;
}

export function VendorsPage() {
  const { t } = useI18n();
  const { data, error } = useApi<Vendor[]>('/api/vendors');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <>
      <h1>{t('vendors')}</h1>
      {data.map((v) => (
        <section key={v.id} className="card vendor" data-testid="vendor">
          <h2>
            <Link to={`/vendors/${encodeURIComponent(v.id)}`}>{v.name}</Link>
          </h2>
          <p className="muted">{v.id}</p>
          <dl>
            <dt>{t('slaHours')}</dt>
            <dd>{v.contract.breach_notice_sla_hours ?? '—'}</dd>
            <dt>{t('dpa')}</dt>
            <dd>{v.contract.dpa_signed ? t('yes') : t('no')}</dd>
            <dt>{t('location')}</dt>
            <dd>{v.contract.data_location ?? '—'}</dd>
          </dl>
          <h3>{t('systems')}</h3>
          {v.systems.map((s) => (
            <div key={s.id}>
              <h4>{s.name}</h4>
              <p>
                {t('dataHeld')}: {s.data.join(', ')}
              </p>
              <details>
                <summary>
                  {t('grants')} ({s.grants.length})
                </summary>
                <ul>
                  {s.grants.map((g) => (
                    <li key={g.account}>
                      {g.account} ({g.type}) {g.last_used ?? ''}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
