import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf } from './router';

describe('client routes', () => {
  it('maps paths to screens and back', () => {
    const matchId = '3F2B8C1E-1111-4A2B-9C3D-0123456789AB';
    expect(parseRoute('/')).toEqual({ name: 'deck' });
    expect(parseRoute('/matches/')).toEqual({ name: 'matches' });
    expect(parseRoute(`/matches/${matchId}`)).toEqual({ name: 'chat', matchId: matchId.toLowerCase() });
    expect(parseRoute('/matches/not-an-id')).toEqual({ name: 'notFound' });
    for (const name of ['login', 'register', 'profile', 'photos'] as const) {
      expect(parseRoute(pathOf({ name }))).toEqual({ name });
    }
  });
});
