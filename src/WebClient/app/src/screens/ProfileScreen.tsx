import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, assignFieldErrors, messageOf, type FieldErrors } from '../api/problem';
import { genders, type Gender, type OwnProfile } from '../api/types';
import { useApp } from '../appContext';
import { ConfirmButton, ErrorBanner, FieldError, Spinner } from '../components/common';
import { GenderChoices, LocationFields, parseCoordinate } from '../components/fields';
import { navigate } from '../router';

const profileFields = ['displayName', 'bio', 'gender', 'interestedIn', 'ageRange', 'maxDistanceKm', 'location', 'interests'] as const;

interface ProfileForm {
  displayName: string;
  bio: string;
  gender: Gender;
  interestedIn: Gender[];
  ageMin: string;
  ageMax: string;
  maxDistanceKm: string;
  latitude: string;
  longitude: string;
  interests: string;
}

function toForm(profile: OwnProfile): ProfileForm {
  return {
    displayName: profile.displayName,
    bio: profile.bio ?? '',
    gender: profile.gender,
    interestedIn: profile.interestedIn,
    ageMin: String(profile.ageRange.min),
    ageMax: String(profile.ageRange.max),
    maxDistanceKm: String(profile.maxDistanceKm),
    latitude: String(profile.location.latitude),
    longitude: String(profile.location.longitude),
    interests: profile.interests.join(', '),
  };
}

/** Interests typed as a comma-separated list. */
export function parseInterests(text: string): string[] {
  return text
    .split(',')
    .map((interest) => interest.trim())
    .filter((interest) => interest.length > 0);
}

function toInt(text: string): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : (null as unknown as number);
}

export function ProfileScreen() {
  const { api, logout } = useApp();
  const [profile, setProfile] = useState<OwnProfile | null>(null);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    setLoadError(null);
    api
      .getMyProfile()
      .then((p) => {
        setProfile(p);
        setForm(toForm(p));
      })
      .catch((e) => setLoadError(messageOf(e)));
  }, [api]);

  useEffect(load, [load]);

  if (loadError) {
    return <ErrorBanner message={loadError} onRetry={load} />;
  }

  if (!profile || !form) {
    return <Spinner label="Loading your profile…" />;
  }

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) {
      return;
    }

    setSaving(true);
    setErrors({});
    setFormError([]);
    try {
      const updated = await api.updateMyProfile({
        displayName: form.displayName,
        bio: form.bio,
        gender: form.gender,
        interestedIn: form.interestedIn,
        ageRange: { min: toInt(form.ageMin), max: toInt(form.ageMax) },
        maxDistanceKm: toInt(form.maxDistanceKm),
        location: { latitude: parseCoordinate(form.latitude), longitude: parseCoordinate(form.longitude) } as never,
        interests: parseInterests(form.interests),
      });
      setProfile(updated);
      setForm(toForm(updated));
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const { byField, unplaced } = assignFieldErrors(e.fieldErrors, profileFields);
        setErrors(byField);
        setFormError(unplaced);
      } else {
        setFormError([messageOf(e)]);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>My profile</h1>
        <button type="button" className="button secondary small" onClick={() => navigate('/photos')}>
          My photos
        </button>
      </header>
      <p className="muted">
        {profile.email} · {profile.age} years
      </p>
      <form className="card form" onSubmit={save} noValidate aria-label="Edit profile">
        {formError.length > 0 && (
          <div className="banner banner-error" role="alert">
            {formError.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        )}
        <label>
          Display name
          <input name="displayName" value={form.displayName} onChange={(e) => set('displayName', e.target.value)} />
        </label>
        <FieldError field="displayName" messages={errors.displayName} />
        <label>
          About me
          <textarea name="bio" rows={3} maxLength={500} value={form.bio} onChange={(e) => set('bio', e.target.value)} />
        </label>
        <FieldError field="bio" messages={errors.bio} />
        <label>
          I am
          <select name="gender" value={form.gender} onChange={(e) => set('gender', e.target.value as Gender)}>
            {genders.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <FieldError field="gender" messages={errors.gender} />
        <label>
          <span>
            Interests <span className="muted">(comma-separated)</span>
          </span>
          <input name="interests" value={form.interests} onChange={(e) => set('interests', e.target.value)} placeholder="climbing, jazz, cooking" />
        </label>
        <FieldError field="interests" messages={errors.interests} />

        <h2>Discovery</h2>
        <GenderChoices legend="Show me" name="interestedIn" value={form.interestedIn} onChange={(v) => set('interestedIn', v)} />
        <FieldError field="interestedIn" messages={errors.interestedIn} />
        <fieldset>
          <legend>Age range</legend>
          <div className="row">
            <label>
              From
              <input name="ageMin" type="number" min={18} max={120} value={form.ageMin} onChange={(e) => set('ageMin', e.target.value)} />
            </label>
            <label>
              To
              <input name="ageMax" type="number" min={18} max={120} value={form.ageMax} onChange={(e) => set('ageMax', e.target.value)} />
            </label>
          </div>
        </fieldset>
        <FieldError field="ageRange" messages={errors.ageRange} />
        <label>
          <span>
            Maximum distance: <strong>{form.maxDistanceKm} km</strong>
          </span>
          <input name="maxDistanceKm" type="range" min={1} max={500} value={form.maxDistanceKm} onChange={(e) => set('maxDistanceKm', e.target.value)} />
        </label>
        <FieldError field="maxDistanceKm" messages={errors.maxDistanceKm} />
        <LocationFields latitude={form.latitude} longitude={form.longitude} onChange={(lat, lon) => setForm((f) => (f ? { ...f, latitude: lat, longitude: lon } : f))} />
        <FieldError field="location" messages={errors.location} />
        <button className="button primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {saved && (
          <div className="banner banner-info" role="status">
            Saved.
          </div>
        )}
      </form>

      <section className="card account">
        <h2>Account</h2>
        <button type="button" className="button secondary" onClick={() => void logout()} data-testid="logout">
          Log out
        </button>
        <ConfirmButton
          label="Delete account"
          confirmLabel="Delete everything"
          question="Your profile, photos, matches and messages will be gone for good."
          danger
          testId="delete-account"
          onConfirm={async () => {
            try {
              await api.deleteAccount();
              navigate('/login', { replace: true });
            } catch (e) {
              setFormError([messageOf(e)]);
            }
          }}
        />
      </section>
    </div>
  );
}
