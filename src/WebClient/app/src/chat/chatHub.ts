import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { MatchedEvent, Message, ReadEvent, UnmatchedEvent } from '../api/types';

export interface ChatEvents {
  message: Message;
  matched: MatchedEvent;
  unmatched: UnmatchedEvent;
  read: ReadEvent;
}

export type ChatEventName = keyof ChatEvents;
export type HubStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

type Handler<K extends ChatEventName> = (payload: ChatEvents[K]) => void;

/**
 * The user's connection to /hubs/chat: WebSockets only (through the gateway), the session token as
 * access_token, reconnecting on its own. Screens subscribe to the events they show.
 */
export class ChatHub {
  private readonly connection: HubConnection;
  private readonly handlers: { [K in ChatEventName]: Set<Handler<K>> } = {
    message: new Set(),
    matched: new Set(),
    unmatched: new Set(),
    read: new Set(),
  };
  private readonly statusListeners = new Set<(status: HubStatus) => void>();
  private statusValue: HubStatus = 'disconnected';
  private stopped = false;

  constructor(getToken: () => string | null, private readonly onUnauthorized: () => void) {
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/chat', {
        accessTokenFactory: () => getToken() ?? '',
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();

    for (const name of Object.keys(this.handlers) as ChatEventName[]) {
      this.connection.on(name, (payload: never) => {
        for (const handler of this.handlers[name]) {
          (handler as (payload: unknown) => void)(payload);
        }
      });
    }

    this.connection.onreconnecting(() => this.setStatus('reconnecting'));
    this.connection.onreconnected(() => this.setStatus('connected'));
    this.connection.onclose(() => {
      this.setStatus('disconnected');
      if (!this.stopped) {
        // The automatic retries gave up: try again later, unless the session itself is gone.
        setTimeout(() => void this.startOnce(), 15000);
      }
    });
  }

  get status(): HubStatus {
    return this.statusValue;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.startOnce();
  }

  private async startOnce(): Promise<void> {
    if (this.stopped) {
      return;
    }

    if (this.connection.state !== HubConnectionState.Disconnected) {
      if (this.connection.state === HubConnectionState.Disconnecting) {
        setTimeout(() => void this.startOnce(), 200);
      }

      return;
    }

    this.setStatus('connecting');
    try {
      await this.connection.start();
      this.setStatus('connected');
    } catch (error) {
      this.setStatus('disconnected');
      if (String(error).includes('401')) {
        this.onUnauthorized();
        return;
      }

      if (!this.stopped) {
        setTimeout(() => void this.startOnce(), 5000);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
  }

  on<K extends ChatEventName>(name: K, handler: Handler<K>): () => void {
    this.handlers[name].add(handler);
    return () => this.handlers[name].delete(handler);
  }

  onStatus(listener: (status: HubStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Sends over the hub when connected; the caller falls back to REST otherwise. */
  get canSend(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  sendMessage(matchId: string, text: string): Promise<Message> {
    return this.connection.invoke<Message>('SendMessage', matchId, text);
  }

  private setStatus(status: HubStatus): void {
    this.statusValue = status;
    for (const listener of this.statusListeners) {
      listener(status);
    }
  }
}
