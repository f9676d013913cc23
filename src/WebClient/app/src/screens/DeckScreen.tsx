import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState, type PointerEvent } from 'react';
import { ApiError, messageOf } from '../api/problem';
import type { PublicProfile, Recommendation, SwipeDecision } from '../api/types';
import { useApp } from '../appContext';
import { EmptyState, ErrorBanner, PhotoImage, Spinner } from '../components/common';
import { decisionFromDrag, decisionFromKey, deckReducer, dragStyle, initialDeck, needsRefill, topCard } from '../deck/deck';
import { formatDistance } from '../format';
import { navigate } from '../router';

export function DeckScreen() {
  const { api, showMatch } = useApp();
  const [deck, dispatch] = useReducer(deckReducer, initialDeck);
  const [swipeError, setSwipeError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<{ userId: string; decision: SwipeDecision } | null>(null);
  const [firstLoad, setFirstLoad] = useState(true);

  const refill = useCallback(async () => {
    dispatch({ type: 'loading' });
    try {
      dispatch({ type: 'loaded', cards: await api.getRecommendations(20) });
    } catch (e) {
      dispatch({ type: 'failed', error: messageOf(e) });
    } finally {
      setFirstLoad(false);
    }
  }, [api]);

  useEffect(() => {
    if (needsRefill(deck) && (firstLoad || !deck.exhausted)) {
      void refill();
    }
  }, [deck, firstLoad, refill]);

  const card = topCard(deck);

  const swipe = useCallback(
    async (decision: SwipeDecision) => {
      if (!card || leaving) {
        return;
      }

      setSwipeError(null);
      setLeaving({ userId: card.userId, decision });
      // Let the card fly out, then take it off the deck while the swipe is recorded.
      await new Promise((resolve) => setTimeout(resolve, 180));
      dispatch({ type: 'swiped', userId: card.userId });
      setLeaving(null);
      try {
        const result = await api.swipe(card.userId, decision);
        if (result.matched && result.matchId) {
          showMatch({ matchId: result.matchId, userId: card.userId, displayName: card.displayName, photoUrl: card.photoUrl });
        }
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) {
          return; // That person is gone (deleted or blocked): nothing to retry.
        }

        setSwipeError(`Your ${decision} of ${card.displayName} was not saved: ${messageOf(e)}`);
        dispatch({ type: 'restored', card });
      }
    },
    [api, card, leaving, showMatch],
  );

  // Bound at commit, not after paint: a key pressed as soon as a card is back on screen reaches the swipe that sees it.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        return;
      }

      const decision = decisionFromKey(event.key);
      if (decision) {
        event.preventDefault();
        void swipe(decision);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [swipe]);

  return (
    <div className="page deck-page">
      <ErrorBanner message={swipeError} />
      {card ? (
        <>
          <div className="deck" data-testid="deck">
            {deck.cards[1] && <Card key={deck.cards[1].userId} card={deck.cards[1]} behind />}
            <Card key={card.userId} card={card} leaving={leaving?.userId === card.userId ? leaving.decision : null} onSwipe={swipe} />
          </div>
          <div className="deck-actions">
            <button type="button" className="round pass" aria-label="Pass" onClick={() => void swipe('pass')} disabled={!!leaving}>
              ✕
            </button>
            <button type="button" className="round like" aria-label="Like" onClick={() => void swipe('like')} disabled={!!leaving}>
              ♥
            </button>
          </div>
          <p className="muted center hint">Drag the card, or use ← and → on a keyboard.</p>
        </>
      ) : deck.error ? (
        <ErrorBanner message={deck.error} onRetry={() => void refill()} />
      ) : deck.loading || firstLoad ? (
        <Spinner label="Finding people near you…" />
      ) : (
        <EmptyState title="No one new nearby right now">
          <p>Try again in a while, or widen your age range and distance.</p>
          <div className="row center">
            <button type="button" className="button primary" onClick={() => void refill()}>
              Look again
            </button>
            <button type="button" className="button secondary" onClick={() => navigate('/profile')}>
              Preferences
            </button>
          </div>
        </EmptyState>
      )}
    </div>
  );
}

function Card({
  card,
  behind,
  leaving,
  onSwipe,
}: {
  card: Recommendation;
  behind?: boolean;
  leaving?: SwipeDecision | null;
  onSwipe?: (decision: SwipeDecision) => void;
}) {
  const { api } = useApp();
  const element = useRef<HTMLElement>(null);
  const drag = useRef<{ startX: number; startY: number; pointerId: number } | null>(null);
  const [dx, setDx] = useState(0);
  const [dy, setDy] = useState(0);
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [photoIndex, setPhotoIndex] = useState(0);

  // The top card shows every photo of the person, not only the primary one.
  useEffect(() => {
    if (behind) {
      return;
    }

    let live = true;
    api
      .getProfile(card.userId)
      .then((p) => live && setProfile(p))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, card.userId, behind]);

  const photos = profile?.photos ?? [];
  const width = element.current?.offsetWidth ?? 320;
  const style = dragStyle(dx, width);
  const offset = leaving ? (leaving === 'like' ? 1 : -1) * (width * 1.5) : dx;

  function onPointerDown(event: PointerEvent<HTMLElement>) {
    if (behind || (event.target as HTMLElement).closest('button')) {
      return;
    }

    drag.current = { startX: event.clientX, startY: event.clientY, pointerId: event.pointerId };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }

  function onPointerMove(event: PointerEvent<HTMLElement>) {
    if (drag.current?.pointerId === event.pointerId) {
      setDx(event.clientX - drag.current.startX);
      setDy(event.clientY - drag.current.startY);
    }
  }

  function onPointerUp(event: PointerEvent<HTMLElement>) {
    if (drag.current?.pointerId !== event.pointerId) {
      return;
    }

    const moved = event.clientX - drag.current.startX;
    drag.current = null;
    const decision = decisionFromDrag(moved, width);
    if (decision) {
      onSwipe?.(decision);
    } else {
      if (Math.abs(moved) < 5 && photos.length > 1) {
        setPhotoIndex((i) => (i + 1) % photos.length);
      }

      setDx(0);
      setDy(0);
    }
  }

  const current = photos[photoIndex];
  return (
    <article
      ref={element}
      className={`swipe-card${behind ? ' behind' : ''}${drag.current ? ' dragging' : ''}`}
      style={behind ? undefined : { transform: `translate(${offset}px, ${leaving ? 0 : dy * 0.2}px) rotate(${leaving ? (leaving === 'like' ? 20 : -20) : style.rotateDeg}deg)` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => ((drag.current = null), setDx(0), setDy(0))}
      aria-label={`${card.displayName}, ${card.age}`}
      data-testid={behind ? undefined : 'card'}
      data-user-id={card.userId}
    >
      {current ? (
        <PhotoImage photoUrl={current.url} name={card.displayName} variant="full" className="card-photo" />
      ) : (
        <PhotoImage photoUrl={card.photoUrl} name={card.displayName} variant="full" className="card-photo" />
      )}
      {photos.length > 1 && (
        <div className="photo-dots" aria-hidden="true">
          {photos.map((p, i) => (
            <span key={p.photoId} className={i === photoIndex ? 'on' : ''} />
          ))}
        </div>
      )}
      <div className="stamp like" style={{ opacity: leaving === 'like' ? 1 : style.likeOpacity }}>
        LIKE
      </div>
      <div className="stamp pass" style={{ opacity: leaving === 'pass' ? 1 : style.passOpacity }}>
        NOPE
      </div>
      <div className="card-info">
        <h2>
          {card.displayName} <span className="age">{card.age}</span>
        </h2>
        <div className="distance">{formatDistance(card.distanceKm)}</div>
        {card.bio && <p className="bio">{card.bio}</p>}
        {card.interests.length > 0 && (
          <ul className="interests">
            {card.interests.map((interest) => (
              <li key={interest}>{interest}</li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
