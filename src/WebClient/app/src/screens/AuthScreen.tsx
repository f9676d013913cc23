import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/apiClient';
import { ApiError, assignFieldErrors, messageOf, type FieldErrors } from '../api/problem';
import { genders, type Gender } from '../api/types';
import { FieldError } from '../components/common';
import { latestAdultBirthDate } from '../format';
import { navigate } from '../router';
import { GenderChoices, LocationFields, parseCoordinate } from '../components/fields';

const registerFields = ['email', 'password', 'displayName', 'birthDate', 'gender', 'interestedIn', 'bio', 'location'] as const;

export function LoginScreen({ api, notice }: { api: ApiClient; notice: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'The e-mail or password is wrong.' : messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth">
      <Brand />
      <form className="card form" onSubmit={submit} noValidate aria-label="Log in">
        <h1>Log in</h1>
        {notice && <div className="banner banner-info">{notice}</div>}
        <label>
          E-mail
          <input name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <div className="banner banner-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p className="muted">
          New here?{' '}
          <a href="/register" onClick={(e) => (e.preventDefault(), navigate('/register'))}>
            Create an account
          </a>
        </p>
      </form>
    </main>
  );
}

export function RegisterScreen({ api }: { api: ApiClient }) {
  const [form, setForm] = useState({
    email: '',
    password: '',
    displayName: '',
    birthDate: '',
    gender: '' as Gender | '',
    interestedIn: [] as Gender[],
    bio: '',
    latitude: '',
    longitude: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError([]);
    try {
      // Sent as typed: the API's validation is the one truth, and its errors are shown at their fields.
      await api.register({
        email: form.email.trim(),
        password: form.password,
        displayName: form.displayName,
        birthDate: form.birthDate || (null as unknown as string),
        gender: (form.gender || null) as Gender,
        interestedIn: form.interestedIn,
        bio: form.bio || undefined,
        location: { latitude: parseCoordinate(form.latitude), longitude: parseCoordinate(form.longitude) } as never,
      });
      navigate('/photos', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const { byField, unplaced } = assignFieldErrors(e.fieldErrors, registerFields);
        setErrors(byField);
        setFormError(unplaced);
      } else if (e instanceof ApiError && e.status === 409) {
        setErrors({ email: [e.problem.detail ?? 'This e-mail address is already registered.'] });
      } else {
        setFormError([messageOf(e)]);
      }
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {});

  return (
    <main className="auth">
      <Brand />
      <form className="card form" onSubmit={submit} noValidate aria-label="Create an account">
        <h1>Create an account</h1>
        {formError.length > 0 && (
          <div className="banner banner-error" role="alert" data-testid="form-error">
            {formError.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        )}
        <label>
          E-mail
          <input name="email" type="email" autoComplete="email" value={form.email} onChange={(e) => set('email', e.target.value)} {...invalid('email')} />
        </label>
        <FieldError field="email" messages={errors.email} />
        <label>
          <span>
            Password <span className="muted">(at least 10 characters)</span>
          </span>
          <input name="password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => set('password', e.target.value)} {...invalid('password')} />
        </label>
        <FieldError field="password" messages={errors.password} />
        <label>
          Display name
          <input name="displayName" autoComplete="given-name" value={form.displayName} onChange={(e) => set('displayName', e.target.value)} {...invalid('displayName')} />
        </label>
        <FieldError field="displayName" messages={errors.displayName} />
        <label>
          Birth date
          <input name="birthDate" type="date" max={latestAdultBirthDate()} value={form.birthDate} onChange={(e) => set('birthDate', e.target.value)} {...invalid('birthDate')} />
        </label>
        <FieldError field="birthDate" messages={errors.birthDate} />
        <label>
          I am
          <select name="gender" value={form.gender} onChange={(e) => set('gender', e.target.value as Gender)} {...invalid('gender')}>
            <option value="">Choose…</option>
            {genders.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <FieldError field="gender" messages={errors.gender} />
        <GenderChoices legend="Show me" name="interestedIn" value={form.interestedIn} onChange={(v) => set('interestedIn', v)} />
        <FieldError field="interestedIn" messages={errors.interestedIn} />
        <label>
          <span>
            About me <span className="muted">(optional)</span>
          </span>
          <textarea name="bio" rows={3} maxLength={500} value={form.bio} onChange={(e) => set('bio', e.target.value)} {...invalid('bio')} />
        </label>
        <FieldError field="bio" messages={errors.bio} />
        <LocationFields
          latitude={form.latitude}
          longitude={form.longitude}
          onChange={(latitude, longitude) => setForm((f) => ({ ...f, latitude, longitude }))}
        />
        <FieldError field="location" messages={errors.location} />
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
        <p className="muted">
          Have an account?{' '}
          <a href="/login" onClick={(e) => (e.preventDefault(), navigate('/login'))}>
            Log in
          </a>
        </p>
      </form>
    </main>
  );
}

function Brand() {
  return (
    <div className="brand" aria-hidden="true">
      <span className="brand-mark">♥</span> Dating
    </div>
  );
}
