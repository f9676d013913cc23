// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Recommendation } from '../api/types';
import { AppContext, type AppServices, type MatchMoment } from '../appContext';
import type { ChatHub } from '../chat/chatHub';
import { PhotoLinkCache } from '../photos/photoLinks';
import { fakeApi, json, type RecordedRequest } from '../test/fakes';
import { DeckScreen } from './DeckScreen';

afterEach(cleanup);

const people: Recommendation[] = [
  { userId: 'u-ada', displayName: 'Ada', age: 31, distanceKm: 2.4, bio: 'Climber', interests: ['jazz'], photoUrl: null },
  { userId: 'u-bea', displayName: 'Bea', age: 29, distanceKm: 0.4, bio: null, interests: [], photoUrl: null },
];

function renderDeck(respond: (request: RecordedRequest) => Response) {
  const { api, requests } = fakeApi(respond, { token: 't' });
  const matches: MatchMoment[] = [];
  const services: AppServices = {
    api,
    hub: {} as ChatHub,
    photos: new PhotoLinkCache(() => Promise.reject(new Error('no photos here'))),
    userId: 'u-me',
    showMatch: (moment) => matches.push(moment),
    logout: vi.fn(),
    refreshUnread: vi.fn(),
  };
  render(
    <AppContext.Provider value={services}>
      <DeckScreen />
    </AppContext.Provider>,
  );
  return { requests, matches };
}

function answer(request: RecordedRequest, swipe: { matched: boolean; matchId?: string } = { matched: false }): Response {
  if (request.url.startsWith('/api/matching/recommendations')) {
    return json(200, people);
  }

  if (request.url === '/api/matching/swipes') {
    return json(200, swipe);
  }

  return json(404, { status: 404 });
}

const swipes = (requests: RecordedRequest[]) => requests.filter((r) => r.url === '/api/matching/swipes').map((r) => r.body);

describe('the deck screen', () => {
  it('shows the first card with name, age and distance', async () => {
    renderDeck((r) => answer(r));
    const card = await screen.findByTestId('card');
    expect(card.textContent).toContain('Ada');
    expect(card.textContent).toContain('31');
    expect(card.textContent).toContain('2 km away');
  });

  it('likes with the right arrow key and passes with the left one, top card first', async () => {
    const { requests } = renderDeck((r) => answer(r));
    await screen.findByTestId('card');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await waitFor(() => expect(swipes(requests)).toEqual([{ targetUserId: 'u-ada', decision: 'like' }]));
    await waitFor(() => expect(screen.getByTestId('card').getAttribute('data-user-id')).toBe('u-bea'));
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    await waitFor(() => expect(swipes(requests)).toHaveLength(2));
    expect(swipes(requests)[1]).toEqual({ targetUserId: 'u-bea', decision: 'pass' });
  });

  it('likes a card dragged far enough to the right and shows the match moment when it is mutual', async () => {
    const { requests, matches } = renderDeck((r) => answer(r, { matched: true, matchId: 'm-1' }));
    const card = await screen.findByTestId('card');
    await act(async () => {
      fireEvent.pointerDown(card, { pointerId: 1, clientX: 100, clientY: 200 });
      fireEvent.pointerMove(card, { pointerId: 1, clientX: 180, clientY: 205 });
      fireEvent.pointerMove(card, { pointerId: 1, clientX: 260, clientY: 210 });
      fireEvent.pointerUp(card, { pointerId: 1, clientX: 260, clientY: 210 });
    });
    await waitFor(() => expect(swipes(requests)).toEqual([{ targetUserId: 'u-ada', decision: 'like' }]));
    await waitFor(() => expect(matches).toEqual([{ matchId: 'm-1', userId: 'u-ada', displayName: 'Ada', photoUrl: null }]));
  });

  it('lets a short drag spring back without a swipe', async () => {
    const { requests } = renderDeck((r) => answer(r));
    const card = await screen.findByTestId('card');
    await act(async () => {
      fireEvent.pointerDown(card, { pointerId: 1, clientX: 100, clientY: 200 });
      fireEvent.pointerMove(card, { pointerId: 1, clientX: 130, clientY: 200 });
      fireEvent.pointerUp(card, { pointerId: 1, clientX: 130, clientY: 200 });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(swipes(requests)).toEqual([]);
    expect(screen.getByTestId('card').getAttribute('data-user-id')).toBe('u-ada');
  });

  it('says so when nobody is left, and puts back a card whose swipe failed', async () => {
    let failSwipes = true;
    renderDeck((r) => {
      if (r.url.startsWith('/api/matching/recommendations')) {
        return json(200, people.slice(0, 1));
      }

      return failSwipes ? json(503, { status: 503, detail: 'Matching is unavailable.' }) : json(200, { matched: false });
    });
    await screen.findByTestId('card');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await screen.findByText(/was not saved: Matching is unavailable/);
    expect(screen.getByTestId('card').getAttribute('data-user-id')).toBe('u-ada');
    failSwipes = false;
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await screen.findByText('No one new nearby right now');
  });
});
