// The call-centre lookup: is this caller affected, and which data. The server decides whether
// contact details are shown (by role) and audits every lookup.
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.ts';

interface Match {
  id: string;
  country: string;
  region: string;
  hits: Array<{ incident_id: string; incident_title: string; basis: string; field_labels: string[]; notices: Array<{ channel: string; state: string }> }>;
  pii: { name: string; postal_address: string; phone: string; email: string } | null;
}

interface Answer {
  matched_customers: number;
  affected: boolean;
  customers: Match[];
}

export function CustomersPage() {
  const { t, lang } = useI18n();
  const [by, setBy] = useState<'id' | 'email' | 'phone'>('email');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<Match[]>();
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setResult((await api<Answer>('POST', '/api/customers/lookup', { [by]: value, locale: lang })).customers);
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
          {m.hits.length === 0 ? (
            <p>{t('notAffected')}</p>
          ) : (
            <ul>
              {m.hits.map((a) => (
                <li key={a.incident_id}>
                  {t('affectedBy')}: {a.incident_title} ({a.basis}) — {a.field_labels.join(', ')}
                  {a.notices.length > 0 && ` — ${t('notices')}: ${a.notices.map((n) => `${n.channel} ${n.state}`).join(', ')}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
