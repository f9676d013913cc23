import { useState } from 'react';
import { genders, type Gender } from '../api/types';

/** A typed coordinate, or null when empty or not a number (the API then names the field). */
export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') {
    return null;
  }

  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export function GenderChoices({
  legend,
  name,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  value: readonly Gender[];
  onChange: (value: Gender[]) => void;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {genders.map((g) => (
        <label key={g} className="chip-choice">
          <input
            type="checkbox"
            name={name}
            value={g}
            checked={value.includes(g)}
            onChange={(e) => onChange(e.target.checked ? [...value, g] : value.filter((x) => x !== g))}
          />
          <span>{g}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function LocationFields({
  latitude,
  longitude,
  onChange,
}: {
  latitude: string;
  longitude: string;
  onChange: (latitude: string, longitude: string) => void;
}) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function locate() {
    if (!('geolocation' in navigator)) {
      setProblem('This browser cannot tell your location; type it in.');
      return;
    }

    setLocating(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange(position.coords.latitude.toFixed(4), position.coords.longitude.toFixed(4));
      },
      () => {
        setLocating(false);
        setProblem('Your location is not available; type it in.');
      },
      { timeout: 10000 },
    );
  }

  return (
    <fieldset className="location">
      <legend>Location</legend>
      <div className="row">
        <label>
          Latitude
          <input name="latitude" inputMode="decimal" value={latitude} onChange={(e) => onChange(e.target.value, longitude)} placeholder="52.52" />
        </label>
        <label>
          Longitude
          <input name="longitude" inputMode="decimal" value={longitude} onChange={(e) => onChange(latitude, e.target.value)} placeholder="13.405" />
        </label>
      </div>
      <button type="button" className="button secondary small" onClick={locate} disabled={locating}>
        {locating ? 'Locating…' : 'Use my location'}
      </button>
      {problem && <div className="muted">{problem}</div>}
    </fieldset>
  );
}
