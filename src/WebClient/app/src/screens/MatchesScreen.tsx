import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/problem';
import type { ConversationSummary, Match } from '../api/types';
import { useApp } from '../appContext';
import { EmptyState, ErrorBanner, PhotoImage, Spinner } from '../components/common';
import { formatTime } from '../format';
import { navigate } from '../router';

export interface MatchRow {
  match: Match;
  conversation: ConversationSummary | null;
  lastActivity: string;
}

/** Matches with their conversations, the most recent activity first. */
export function matchRows(matches: readonly Match[], conversations: readonly ConversationSummary[]): MatchRow[] {
  const byMatch = new Map(conversations.map((c) => [c.matchId, c]));
  return matches
    .map((match) => {
      const conversation = byMatch.get(match.matchId) ?? null;
      const lastActivity = conversation?.lastMessage?.sentAt ?? match.matchedAt;
      return { match, conversation, lastActivity };
    })
    .sort((a, b) => Date.parse(b.lastActivity) - Date.parse(a.lastActivity));
}

export function MatchesScreen() {
  const { api, hub, userId } = useApp();
  const [rows, setRows] = useState<MatchRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [matches, conversations] = await Promise.all([api.getMatches(), api.getConversations()]);
      setRows(matchRows(matches, conversations));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
    const reload = () => void load();
    const offs = [hub.on('matched', reload), hub.on('unmatched', reload), hub.on('message', reload), hub.on('read', reload)];
    return () => offs.forEach((off) => off());
  }, [hub, load]);

  if (!rows) {
    return error ? <ErrorBanner message={error} onRetry={() => void load()} /> : <Spinner label="Loading your matches…" />;
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>Matches</h1>
      </header>
      <ErrorBanner message={error} onRetry={() => void load()} />
      {rows.length === 0 ? (
        <EmptyState title="No matches yet">
          <p>When someone you like likes you back, they show up here.</p>
          <button type="button" className="button primary" onClick={() => navigate('/')}>
            Discover people
          </button>
        </EmptyState>
      ) : (
        <ul className="match-list" aria-label="Matches">
          {rows.map(({ match, conversation }) => {
            const last = conversation?.lastMessage;
            const unread = conversation?.unreadCount ?? 0;
            return (
              <li key={match.matchId}>
                <a
                  href={`/matches/${match.matchId}`}
                  className="match-row"
                  data-testid="match"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/matches/${match.matchId}`);
                  }}
                >
                  <PhotoImage photoUrl={match.photoUrl} name={match.displayName} className="avatar" />
                  <div className="match-text">
                    <div className="match-name">{match.displayName}</div>
                    <div className={unread > 0 ? 'match-last unread' : 'match-last'}>
                      {last ? `${last.senderId === userId ? 'You: ' : ''}${last.text}` : 'Say hello 👋'}
                    </div>
                  </div>
                  <div className="match-meta">
                    <span className="muted">{formatTime(last?.sentAt ?? match.matchedAt)}</span>
                    {unread > 0 && (
                      <span className="unread-badge" aria-label={`${unread} unread`}>
                        {unread}
                      </span>
                    )}
                  </div>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
