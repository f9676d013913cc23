import { useEffect, useState } from 'react';
import type { MatchMoment } from '../appContext';
import { useApp } from '../appContext';
import { PhotoImage } from '../components/common';
import { navigate } from '../router';

/** "It's a match!": shown to the one who swiped last (from the swipe's answer) and to the other (from the hub). */
export function MatchMomentOverlay({ moment, onClose }: { moment: MatchMoment; onClose: () => void }) {
  const { api } = useApp();
  const [name, setName] = useState(moment.displayName ?? null);
  const [photoUrl, setPhotoUrl] = useState<string | null>(moment.photoUrl ?? null);

  useEffect(() => {
    if (moment.displayName) {
      return;
    }

    let live = true;
    api
      .getProfile(moment.userId)
      .then((p) => {
        if (live) {
          setName(p.displayName);
          setPhotoUrl(p.photos[0]?.url ?? null);
        }
      })
      .catch(() => live && setName('Someone'));
    return () => {
      live = false;
    };
  }, [api, moment]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="match-title" data-testid="match-moment">
      <div className="match-moment">
        <h1 id="match-title">It’s a match!</h1>
        <p>{name ? `You and ${name} like each other.` : 'You like each other.'}</p>
        <PhotoImage photoUrl={photoUrl} name={name ?? '?'} variant="full" className="match-photo" />
        <button
          type="button"
          className="button primary"
          onClick={() => {
            onClose();
            navigate(`/matches/${moment.matchId}`);
          }}
        >
          Send a message
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          Keep swiping
        </button>
      </div>
    </div>
  );
}
