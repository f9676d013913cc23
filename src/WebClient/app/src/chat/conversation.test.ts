import { describe, expect, it } from 'vitest';
import type { Message } from '../api/types';
import { lastReadOfMine, mergeMessages, newestFromOther, readByOther, unreadTotal, validateMessage } from './conversation';

const me = 'me';
const msg = (id: string, senderId: string, second: number): Message => ({
  messageId: id,
  matchId: 'm',
  senderId,
  text: id,
  sentAt: new Date(Date.UTC(2026, 10, 22, 12, 0, second)).toISOString(),
});

describe('a conversation', () => {
  it('merges history pages (newest first), hub events and own sends into one list, oldest first, each once', () => {
    const history = [msg('c', me, 3), msg('b', 'them', 2), msg('a', me, 1)];
    const merged = mergeMessages(history, [msg('d', 'them', 4), msg('c', me, 3)]);
    expect(merged.map((m) => m.messageId)).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeMessages([], [msg('d', 'them', 4), msg('a', me, 1)]).map((m) => m.messageId)).toEqual(['a', 'd']);
  });

  it('marks read up to the newest message from the other person', () => {
    const messages = [msg('a', 'them', 1), msg('b', me, 2), msg('c', 'them', 3), msg('d', me, 4)];
    expect(newestFromOther(messages, me)?.messageId).toBe('c');
    expect(newestFromOther([msg('x', me, 1)], me)).toBeNull();
  });

  it('knows which of my messages the other person has read from their receipt', () => {
    const messages = [msg('a', me, 1), msg('b', 'them', 2), msg('c', me, 3), msg('d', me, 4)];
    const read = readByOther(messages, me, 'c');
    expect([...read]).toEqual(['a', 'c']);
    expect(lastReadOfMine(messages, me, read)).toBe('c');
    expect(readByOther(messages, me, null).size).toBe(0);
    expect(readByOther(messages, me, 'unknown').size).toBe(0);
  });

  it('accepts 1 to 2000 characters after trimming, like the API', () => {
    expect(validateMessage('  hi  ')).toBeNull();
    expect(validateMessage('   ')).toMatch(/Write something/);
    expect(validateMessage('x'.repeat(2000))).toBeNull();
    expect(validateMessage('x'.repeat(2001))).toMatch(/2000/);
  });
});

describe('the unread count', () => {
  it('adds up every conversation', () => {
    expect(unreadTotal([])).toBe(0);
    expect(
      unreadTotal([
        { matchId: 'a', otherUserId: 'x', unreadCount: 2 },
        { matchId: 'b', otherUserId: 'y', unreadCount: 0 },
        { matchId: 'c', otherUserId: 'z', unreadCount: 3 },
      ]),
    ).toBe(5);
  });
});
