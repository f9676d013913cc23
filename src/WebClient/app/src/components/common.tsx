import { useEffect, useState, type ReactNode } from 'react';
import { useApp } from '../appContext';
import { photoIdFromUrl } from '../photos/photoLinks';
import { initials } from '../format';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorBanner({ message, onRetry }: { message: string | null; onRetry?: () => void }) {
  if (!message) {
    return null;
  }

  return (
    <div className="banner banner-error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" data-testid="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function FieldError({ field, messages }: { field: string; messages?: string[] }) {
  if (!messages || messages.length === 0) {
    return null;
  }

  return (
    <div className="field-error" id={`${field}-error`} data-testid={`error-${field}`} role="alert">
      {messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </div>
  );
}

/**
 * A photo by its stable API route or id: resolved to a signed URL (an <img> cannot send the token),
 * with the person's initials while it loads or when there is none.
 */
export function PhotoImage({
  photoUrl,
  photoId,
  name,
  variant = 'thumbnail',
  className,
}: {
  photoUrl?: string | null;
  photoId?: string | null;
  name: string;
  variant?: 'thumbnail' | 'full';
  className?: string;
}) {
  const { photos } = useApp();
  const id = photoId ?? photoIdFromUrl(photoUrl);
  const cached = id ? photos.peek(id) : null;
  const [src, setSrc] = useState<string | null>(cached ? (variant === 'full' ? cached.url : cached.thumbnailUrl) : null);

  useEffect(() => {
    let live = true;
    if (!id) {
      setSrc(null);
      return;
    }

    photos
      .get(id)
      .then((links) => live && setSrc(variant === 'full' ? links.url : links.thumbnailUrl))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [id, variant, photos]);

  return src ? (
    <img className={className ? `photo ${className}` : 'photo'} src={src} alt={name} draggable={false} />
  ) : (
    <div className={className ? `photo photo-placeholder ${className}` : 'photo photo-placeholder'} aria-label={name}>
      {initials(name)}
    </div>
  );
}

export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  danger,
  testId,
}: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => Promise<void> | void;
  danger?: boolean;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={danger ? 'button danger-outline' : 'button secondary'} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }

  return (
    <div className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className={danger ? 'button danger' : 'button'}
        disabled={busy}
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button secondary" onClick={() => setAsking(false)} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
