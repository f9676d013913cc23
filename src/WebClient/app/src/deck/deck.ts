import type { Recommendation, SwipeDecision } from '../api/types';

/**
 * The swipe deck: cards in the order the API recommended them, never the same person twice in one
 * session (a refill may overlap the cards still shown, or a swipe not yet reflected by the server).
 */
export interface DeckState {
  cards: Recommendation[];
  swiped: ReadonlySet<string>;
  loading: boolean;
  /** The last refill brought nobody new: the deck is empty until something changes. */
  exhausted: boolean;
  error: string | null;
}

export type DeckAction =
  | { type: 'loading' }
  | { type: 'loaded'; cards: Recommendation[] }
  | { type: 'failed'; error: string }
  | { type: 'swiped'; userId: string }
  | { type: 'restored'; card: Recommendation }
  | { type: 'reset' };

export const initialDeck: DeckState = { cards: [], swiped: new Set(), loading: false, exhausted: false, error: null };

/** When this few cards are left, ask for more in the background. */
export const refillThreshold = 3;

export function deckReducer(state: DeckState, action: DeckAction): DeckState {
  switch (action.type) {
    case 'loading':
      return { ...state, loading: true, error: null };
    case 'loaded': {
      const known = new Set([...state.swiped, ...state.cards.map((card) => card.userId)]);
      const fresh: Recommendation[] = [];
      for (const card of action.cards) {
        if (!known.has(card.userId)) {
          known.add(card.userId);
          fresh.push(card);
        }
      }

      return { ...state, cards: [...state.cards, ...fresh], loading: false, exhausted: fresh.length === 0, error: null };
    }
    case 'failed':
      return { ...state, loading: false, error: action.error };
    case 'swiped': {
      const swiped = new Set(state.swiped);
      swiped.add(action.userId);
      return { ...state, swiped, cards: state.cards.filter((card) => card.userId !== action.userId) };
    }
    case 'restored': {
      // A swipe the server refused: the card goes back on top so it can be tried again.
      const swiped = new Set(state.swiped);
      swiped.delete(action.card.userId);
      const others = state.cards.filter((card) => card.userId !== action.card.userId);
      return { ...state, swiped, cards: [action.card, ...others] };
    }
    case 'reset':
      return { ...initialDeck, swiped: state.swiped };
  }
}

export function needsRefill(state: DeckState): boolean {
  return !state.loading && !state.error && state.cards.length <= refillThreshold && !(state.exhausted && state.cards.length > 0);
}

export function topCard(state: DeckState): Recommendation | null {
  return state.cards[0] ?? null;
}

/** How far a card must be dragged (as a share of its width, or 120 px at most) to count as a swipe. */
export function dragThreshold(cardWidth: number): number {
  return Math.min(120, Math.max(40, cardWidth * 0.3));
}

export function decisionFromDrag(deltaX: number, cardWidth: number): SwipeDecision | null {
  const threshold = dragThreshold(cardWidth);
  if (deltaX >= threshold) {
    return 'like';
  }

  if (deltaX <= -threshold) {
    return 'pass';
  }

  return null;
}

export function decisionFromKey(key: string): SwipeDecision | null {
  switch (key) {
    case 'ArrowRight':
      return 'like';
    case 'ArrowLeft':
      return 'pass';
    default:
      return null;
  }
}

/** The card's tilt and the like/pass hint while it is dragged. */
export function dragStyle(deltaX: number, cardWidth: number): { rotateDeg: number; likeOpacity: number; passOpacity: number } {
  const threshold = dragThreshold(cardWidth);
  const share = Math.max(-1, Math.min(1, deltaX / threshold));
  return {
    rotateDeg: share * 12,
    likeOpacity: Math.max(0, share),
    passOpacity: Math.max(0, -share),
  };
}
