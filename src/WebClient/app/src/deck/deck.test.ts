import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../api/types';
import { decisionFromDrag, decisionFromKey, deckReducer, dragStyle, initialDeck, needsRefill, topCard, type DeckState } from './deck';

const card = (userId: string): Recommendation => ({ userId, displayName: userId, age: 30, distanceKm: 3, bio: null, interests: [] });
const load = (state: DeckState, ...ids: string[]) => deckReducer(state, { type: 'loaded', cards: ids.map(card) });

describe('the swipe deck', () => {
  it('shows cards in the order recommended', () => {
    const deck = load(initialDeck, 'a', 'b', 'c');
    expect(topCard(deck)?.userId).toBe('a');
    expect(deck.cards.map((c) => c.userId)).toEqual(['a', 'b', 'c']);
  });

  it('never shows a person twice: refills skip cards on the deck and people already swiped', () => {
    let deck = load(initialDeck, 'a', 'b');
    deck = deckReducer(deck, { type: 'swiped', userId: 'a' });
    deck = load(deck, 'a', 'b', 'c', 'c');
    expect(deck.cards.map((c) => c.userId)).toEqual(['b', 'c']);
  });

  it('is exhausted when a refill brings nobody new, and then stops asking while cards remain', () => {
    let deck = load(initialDeck, 'a');
    expect(deck.exhausted).toBe(false);
    deck = load(deck, 'a');
    expect(deck.exhausted).toBe(true);
    expect(needsRefill(deck)).toBe(false);
  });

  it('asks for more when few cards are left, but not while loading or after an error', () => {
    expect(needsRefill(initialDeck)).toBe(true);
    const many = load(initialDeck, 'a', 'b', 'c', 'd', 'e');
    expect(needsRefill(many)).toBe(false);
    const few = deckReducer(deckReducer(many, { type: 'swiped', userId: 'a' }), { type: 'swiped', userId: 'b' });
    expect(needsRefill(few)).toBe(true);
    expect(needsRefill(deckReducer(few, { type: 'loading' }))).toBe(false);
    expect(needsRefill(deckReducer(few, { type: 'failed', error: 'offline' }))).toBe(false);
  });

  it('puts a card whose swipe failed back on top', () => {
    let deck = load(initialDeck, 'a', 'b');
    deck = deckReducer(deck, { type: 'swiped', userId: 'a' });
    deck = deckReducer(deck, { type: 'restored', card: card('a') });
    expect(deck.cards.map((c) => c.userId)).toEqual(['a', 'b']);
    expect(deck.swiped.has('a')).toBe(false);
  });

  it('likes on a drag to the right past the threshold, passes to the left, and springs back below it', () => {
    expect(decisionFromDrag(130, 400)).toBe('like');
    expect(decisionFromDrag(-130, 400)).toBe('pass');
    expect(decisionFromDrag(60, 400)).toBeNull();
    // On a narrow card the threshold scales with the width.
    expect(decisionFromDrag(100, 300)).toBe('like');
    expect(decisionFromDrag(80, 300)).toBeNull();
  });

  it('likes with the right arrow and passes with the left one', () => {
    expect(decisionFromKey('ArrowRight')).toBe('like');
    expect(decisionFromKey('ArrowLeft')).toBe('pass');
    expect(decisionFromKey('Enter')).toBeNull();
  });

  it('tilts the card and fades in the hint as it is dragged', () => {
    expect(dragStyle(0, 400)).toEqual({ rotateDeg: 0, likeOpacity: 0, passOpacity: 0 });
    expect(dragStyle(60, 400)).toEqual({ rotateDeg: 6, likeOpacity: 0.5, passOpacity: 0 });
    expect(dragStyle(-500, 400)).toEqual({ rotateDeg: -12, likeOpacity: 0, passOpacity: 1 });
  });
});
