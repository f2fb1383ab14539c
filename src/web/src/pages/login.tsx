// The login form; on success the session cookie is set by the server and the CSRF token kept.
import { type FormEvent, useState } from 'react';
import { api, setCsrf } from '../api.ts';
import { useI18n } from '../i18n.ts';
import type { Me } from '../types.ts';

export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(false);
    try {
      const me = await api<Me>('POST', '/api/login', { username, password });
      setCsrf(me.csrf);
      onLogin(me);
    } catch {
      setError(true);
    }
  };
  return (
    <form className="login" onSubmit={submit} aria-label={t('login')}>
      <h1>{t('appName')}</h1>
      <label>
        {t('username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && <p role="alert">{t('loginFailed')}</p>}
      <button type="submit">{t('login')}</button>
    </form>
  );
}
