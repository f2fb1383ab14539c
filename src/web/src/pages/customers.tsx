// The call-centre lookup: is this caller affected, and which data. The server decides whether
// contact details are shown (by role) and audits every lookup.
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.ts';

interface Match {
  id: string;
  country: string | null;
  region: string | null;
  affected: Array<{ incident_id: string; basis: string; fields: string[]; jurisdiction: string }>;
  pii: { name: string; postal_address: string; phone: string; email: string } | null;
}

export function CustomersPage() {
  const { t } = useI18n();
  const [by, setBy] = useState<'id' | 'email' | 'phone'>('email');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<Match[]>();
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setResult(await api<Match[]>('POST', '/api/customers/lookup', { [by]: value }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <h1>{t('customers')}</h1>
      <form onSubmit={submit} className="inline">
        <label>
          {t('lookupBy')}
          <select value={by} onChange={(e) => setBy(e.target.value as 'id' | 'email' | 'phone')}>
            <option value="email">email</option>
            <option value="phone">phone</option>
            <option value="id">id</option>
          </select>
        </label>
        <input aria-label={t('lookup')} value={value} onChange={(e) => setValue(e.target.value)} required />
        <button type="submit">{t('search')}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {result?.length === 0 && <p>{t('noMatch')}</p>}
      {result?.map((m) => (
        <section key={m.id} className="card">
          <h2>{m.pii?.name ?? m.id}</h2>
          <p>
            {m.id} · {m.country} {m.region}
          </p>
          {m.pii && (
            <p>
              {m.pii.email} · {m.pii.phone} · {m.pii.postal_address}
            </p>
          )}
          {m.affected.length === 0 ? (
            <p>{t('notAffected')}</p>
          ) : (
            <ul>
              {m.affected.map((a) => (
                <li key={a.incident_id}>
                  {t('affectedBy')}: {a.incident_id} ({a.basis}) — {a.fields.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
