import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/problem';
import type { Match, Message } from '../api/types';
import { useApp } from '../appContext';
import { ConfirmButton, EmptyState, ErrorBanner, PhotoImage, Spinner } from '../components/common';
import { lastReadOfMine, maxMessageLength, mergeMessages, newestFromOther, readByOther, validateMessage } from '../chat/conversation';
import { formatTime } from '../format';
import { navigate } from '../router';

const pageSize = 50;
const conversationOpenRetries = 10;

export function ChatScreen({ matchId }: { matchId: string }) {
  const { api, hub, userId, refreshUnread } = useApp();
  const [match, setMatch] = useState<Match | null | undefined>(undefined);
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [hasEarlier, setHasEarlier] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const [otherReadUpTo, setOtherReadUpTo] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [hubStatus, setHubStatus] = useState(hub.status);
  const lastMarked = useRef<string | null>(null);
  const bottom = useRef<HTMLDivElement>(null);

  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const load = useCallback(
    async (attempt = 0): Promise<void> => {
      setError(null);
      try {
        const matches = await api.getMatches();
        const found = matches.find((m) => m.matchId === matchId) ?? null;
        setMatch(found);
        if (!found) {
          return;
        }

        try {
          const page = await api.getMessages(matchId, undefined, pageSize);
          setMessages((current) => mergeMessages(current ?? [], page));
          setHasEarlier(page.length === pageSize);
        } catch (e) {
          // The match exists; chat learns of it by an event, so its conversation may open a moment later.
          if (e instanceof ApiError && e.isNotFound && attempt < conversationOpenRetries) {
            await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
            return mounted.current ? load(attempt + 1) : undefined;
          }

          throw e;
        }
      } catch (e) {
        if (e instanceof ApiError && e.isNotFound) {
          setEnded(true);
        } else {
          setError(messageOf(e));
        }
      }
    },
    [api, matchId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const offs = [
      hub.on('message', (message) => {
        if (message.matchId === matchId) {
          setMessages((current) => mergeMessages(current ?? [], [message]));
        }
      }),
      hub.on('read', (receipt) => {
        if (receipt.matchId === matchId && receipt.userId !== userId) {
          setOtherReadUpTo(receipt.upToMessageId);
        }
      }),
      hub.on('unmatched', (event) => {
        if (event.matchId === matchId) {
          setEnded(true);
        }
      }),
      hub.onStatus((status) => {
        setHubStatus(status);
        if (status === 'connected') {
          void load(); // Catch up on anything sent while the connection was down.
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [hub, matchId, userId, load]);

  // Seen while on screen: tell the sender (read receipt).
  useEffect(() => {
    if (!messages || ended) {
      return;
    }

    const newest = newestFromOther(messages, userId);
    if (newest && newest.messageId !== lastMarked.current && document.visibilityState === 'visible') {
      lastMarked.current = newest.messageId;
      api
        .markRead(matchId, newest.messageId)
        .then(refreshUnread)
        .catch(() => {
          lastMarked.current = null;
        });
    }
  }, [messages, api, matchId, userId, ended, refreshUnread]);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [messages?.length]);

  const read = useMemo(() => readByOther(messages ?? [], userId, otherReadUpTo), [messages, userId, otherReadUpTo]);
  const receiptUnder = lastReadOfMine(messages ?? [], userId, read);

  async function send(event: FormEvent) {
    event.preventDefault();
    const problem = validateMessage(text);
    if (problem) {
      setError(problem);
      return;
    }

    setSending(true);
    setError(null);
    try {
      const trimmed = text.trim();
      const sent = hub.canSend ? await hub.sendMessage(matchId, trimmed) : await api.sendMessage(matchId, trimmed);
      setMessages((current) => mergeMessages(current ?? [], [sent]));
      setText('');
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) {
        setEnded(true);
      } else {
        setError(messageOf(e) === 'Something went wrong. Try again.' ? 'The message was not sent. Try again.' : messageOf(e));
      }
    } finally {
      setSending(false);
    }
  }

  async function loadEarlier() {
    if (!messages || messages.length === 0) {
      return;
    }

    setLoadingEarlier(true);
    try {
      const page = await api.getMessages(matchId, messages[0]!.messageId, pageSize);
      setMessages((current) => mergeMessages(current ?? [], page));
      setHasEarlier(page.length === pageSize);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoadingEarlier(false);
    }
  }

  if (match === undefined && !ended) {
    return error ? <ErrorBanner message={error} onRetry={() => void load()} /> : <Spinner label="Opening the conversation…" />;
  }

  if (match === null || ended) {
    return (
      <div className="page">
        <EmptyState title="This conversation has ended">
          <p>The match is over, so nobody can write here any more.</p>
          <button type="button" className="button primary" onClick={() => navigate('/matches')}>
            Back to matches
          </button>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page chat">
      <header className="chat-header">
        <button type="button" className="link back" onClick={() => navigate('/matches')} aria-label="Back to matches">
          ‹
        </button>
        <PhotoImage photoUrl={match!.photoUrl} name={match!.displayName} className="avatar" />
        <h1>{match!.displayName}</h1>
        <span className={`hub-status hub-${hubStatus}`} title={`Live updates: ${hubStatus}`} data-testid="hub-status">
          {hubStatus === 'connected' ? 'live' : hubStatus}
        </span>
      </header>
      <details className="chat-menu">
        <summary>Options</summary>
        <div className="chat-menu-body">
          <ConfirmButton
            label="Unmatch"
            confirmLabel="Unmatch"
            question={`End the match with ${match!.displayName}?`}
            testId="unmatch"
            onConfirm={async () => {
              try {
                await api.unmatch(matchId);
                navigate('/matches', { replace: true });
              } catch (e) {
                setError(messageOf(e));
              }
            }}
          />
          <ConfirmButton
            label="Block"
            confirmLabel="Block"
            question={`Block ${match!.displayName}? Neither of you will see the other again.`}
            danger
            testId="block"
            onConfirm={async () => {
              try {
                await api.block(match!.userId);
                navigate('/matches', { replace: true });
              } catch (e) {
                setError(messageOf(e));
              }
            }}
          />
        </div>
      </details>
      <ErrorBanner message={error} />
      <div className="messages" aria-live="polite" data-testid="messages">
        {hasEarlier && (
          <button type="button" className="link center" onClick={() => void loadEarlier()} disabled={loadingEarlier}>
            {loadingEarlier ? 'Loading…' : 'Earlier messages'}
          </button>
        )}
        {messages === null ? (
          <Spinner />
        ) : messages.length === 0 ? (
          <p className="muted center">You matched {formatTime(match!.matchedAt)}. Say hello!</p>
        ) : (
          messages.map((message) => {
            const mine = message.senderId === userId;
            return (
              <div key={message.messageId} className={mine ? 'bubble-row mine' : 'bubble-row'}>
                <div className="bubble" data-testid="message" data-mine={mine}>
                  {message.text}
                  <span className="time">{formatTime(message.sentAt)}</span>
                </div>
                {message.messageId === receiptUnder && (
                  <div className="receipt" data-testid="read-receipt">
                    Read
                  </div>
                )}
              </div>
            );
          })
        )}
        <div ref={bottom} />
      </div>
      <form className="composer" onSubmit={send}>
        <input
          name="message"
          aria-label="Message"
          placeholder="Write a message"
          value={text}
          maxLength={maxMessageLength}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="button primary" disabled={sending || text.trim().length === 0}>
          Send
        </button>
      </form>
    </div>
  );
}
