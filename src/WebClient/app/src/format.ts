export function formatDistance(km: number): string {
  if (!Number.isFinite(km) || km < 1) {
    return 'less than 1 km away';
  }

  return `${Math.round(km)} km away`;
}

export function formatTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }

  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** The latest date of birth that makes someone 18 today, as the API's yyyy-MM-dd. */
export function latestAdultBirthDate(today: Date = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth(), today.getUTCDate()));
  return date.toISOString().slice(0, 10);
}
