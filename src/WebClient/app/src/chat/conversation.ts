import type { ConversationSummary, Message } from '../api/types';

/**
 * A conversation's messages, oldest first, each once: history pages (newest first), hub events and
 * the answers to our own sends may overlap and arrive in any order.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of [...existing, ...incoming]) {
    byId.set(message.messageId, message);
  }

  return [...byId.values()].sort(compareMessages);
}

function compareMessages(a: Message, b: Message): number {
  const time = Date.parse(a.sentAt) - Date.parse(b.sentAt);
  return time !== 0 ? time : a.messageId.localeCompare(b.messageId);
}

/** The newest message the other person sent, which is what marking the conversation read names. */
export function newestFromOther(messages: readonly Message[], me: string): Message | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.senderId !== me) {
      return messages[i]!;
    }
  }

  return null;
}

/**
 * Which of my messages the other person has read: everything up to the message their last read
 * receipt named (theirs or mine; the receipt covers all that came before it).
 */
export function readByOther(messages: readonly Message[], me: string, upToMessageId: string | null): Set<string> {
  const read = new Set<string>();
  if (!upToMessageId) {
    return read;
  }

  const upTo = messages.findIndex((message) => message.messageId === upToMessageId);
  if (upTo < 0) {
    return read;
  }

  for (let i = 0; i <= upTo; i++) {
    if (messages[i]!.senderId === me) {
      read.add(messages[i]!.messageId);
    }
  }

  return read;
}

/** The last of my messages that has been read: the one a "Read" receipt goes under. */
export function lastReadOfMine(messages: readonly Message[], me: string, read: ReadonlySet<string>): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.senderId === me && read.has(message.messageId)) {
      return message.messageId;
    }
  }

  return null;
}

export const maxMessageLength = 2000;

/** The API's rule: 1 to 2000 characters after trimming. */
export function validateMessage(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return 'Write something first.';
  }

  if (trimmed.length > maxMessageLength) {
    return `A message may be at most ${maxMessageLength} characters.`;
  }

  return null;
}

/** What the Matches tab shows: every unread message in every conversation. */
export function unreadTotal(conversations: readonly ConversationSummary[]): number {
  return conversations.reduce((sum, conversation) => sum + Math.max(0, conversation.unreadCount), 0);
}
