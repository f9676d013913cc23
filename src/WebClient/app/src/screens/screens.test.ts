import { describe, expect, it } from 'vitest';
import type { ConversationSummary, Match } from '../api/types';
import { formatDistance, initials, latestAdultBirthDate } from '../format';
import { matchRows } from './MatchesScreen';
import { parseInterests } from './ProfileScreen';
import { parseCoordinate } from '../components/fields';

describe('the match list', () => {
  it('puts the most recent activity first: a new message, or else the match itself', () => {
    const matches: Match[] = [
      { matchId: 'm-old', userId: 'a', displayName: 'A', matchedAt: '2026-11-20T10:00:00Z' },
      { matchId: 'm-new', userId: 'b', displayName: 'B', matchedAt: '2026-11-22T10:00:00Z' },
      { matchId: 'm-chatty', userId: 'c', displayName: 'C', matchedAt: '2026-11-19T10:00:00Z' },
    ];
    const conversations: ConversationSummary[] = [
      {
        matchId: 'm-chatty',
        otherUserId: 'c',
        unreadCount: 2,
        lastMessage: { messageId: 'x', matchId: 'm-chatty', senderId: 'c', text: 'Hi', sentAt: '2026-11-23T08:00:00Z' },
      },
    ];
    const rows = matchRows(matches, conversations);
    expect(rows.map((r) => r.match.matchId)).toEqual(['m-chatty', 'm-new', 'm-old']);
    expect(rows[0]!.conversation?.unreadCount).toBe(2);
    expect(rows[1]!.conversation).toBeNull();
  });
});

describe('form input', () => {
  it('reads interests as a comma-separated list', () => {
    expect(parseInterests(' hiking, chess ,, jazz ')).toEqual(['hiking', 'chess', 'jazz']);
    expect(parseInterests('')).toEqual([]);
  });

  it('reads coordinates with a dot or a comma, and leaves an empty or bad one to the API', () => {
    expect(parseCoordinate('52.52')).toBe(52.52);
    expect(parseCoordinate(' 13,405 ')).toBe(13.405);
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate('north')).toBeNull();
  });
});

describe('formatting', () => {
  it('says how far away someone is in whole kilometres', () => {
    expect(formatDistance(0.3)).toBe('less than 1 km away');
    expect(formatDistance(2.4)).toBe('2 km away');
    expect(formatDistance(12.6)).toBe('13 km away');
  });

  it('makes initials for a missing photo', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ben')).toBe('B');
  });

  it('knows the latest birth date of an adult', () => {
    expect(latestAdultBirthDate(new Date('2026-11-22T12:00:00Z'))).toBe('2008-11-22');
  });
});
