import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { rawUser } from './fixtures.js';
import type { EmulatorState } from './state.js';
import type { Json } from './types.js';

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  url: () => string;
}

interface Session {
  id: string;
  socket: WebSocket;
  seq: number;
  intents: number;
  identified: boolean;
}

export interface GatewayFrame {
  direction: 'in' | 'out';
  op: number;
  t?: string | null;
  d: unknown;
}

/**
 * The gateway side: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME.
 * JSON encoding only and no transport compression, which is what discord.js uses without zlib-sync.
 */
export function attachGateway(server: Server, state: EmulatorState, options: GatewayOptions) {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Map<string, Session>();
  const frames: GatewayFrame[] = [];
  const connectQueries: Array<Record<string, string>> = [];

  const sendFrame = (socket: WebSocket, frame: { op: number; d: unknown; s?: number | null; t?: string | null }): void => {
    frames.push({ direction: 'out', op: frame.op, t: frame.t, d: frame.d });
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  };

  const dispatch = (session: Session, t: string, d: unknown): void => {
    session.seq += 1;
    sendFrame(session.socket, { op: 0, t, s: session.seq, d });
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname !== '/gateway') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      connectQueries.push(Object.fromEntries(url.searchParams));
      onConnection(ws, url.searchParams);
    });
  });

  function onConnection(socket: WebSocket, params: URLSearchParams): void {
    let session: Session | null = null;
    if (params.get('v') !== '10') {
      socket.close(4012, 'Invalid API version');
      return;
    }
    if ((params.get('encoding') ?? 'json') !== 'json') {
      socket.close(4002, 'Decode error');
      return;
    }
    sendFrame(socket, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs } });

    socket.on('message', (raw) => {
      let payload: { op?: number; d?: Json | number | null };
      try {
        payload = JSON.parse(String(raw)) as typeof payload;
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      frames.push({ direction: 'in', op: Number(payload.op), d: payload.d });
      const d = (payload.d ?? {}) as Json;
      switch (payload.op) {
        case 1:
          sendFrame(socket, { op: 11, d: null });
          return;
        case 2: {
          if (session) {
            socket.close(4005, 'Already authenticated');
            return;
          }
          if (d.token !== state.token) {
            socket.close(4004, 'Authentication failed');
            return;
          }
          const shard = d.shard as [number, number] | undefined;
          if (shard && (shard[0] !== 0 || shard[1] !== 1)) {
            socket.close(4010, 'Invalid shard');
            return;
          }
          session = { id: state.nextId(), socket, seq: 0, intents: Number(d.intents ?? 0), identified: true };
          sessions.set(session.id, session);
          dispatch(session, 'READY', {
            v: 10,
            user: { ...rawUser(state.botUser), verified: true, mfa_enabled: false },
            guilds: [{ id: state.guildId, unavailable: true }],
            session_id: session.id,
            resume_gateway_url: options.url(),
            shard: shard ?? [0, 1],
            application: { id: state.applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
            user_settings: {},
            _trace: ['["execwatch-discord-emulator"]'],
          });
          // Discord streams the guilds after READY; discord.js waits for them before clientReady.
          dispatch(session, 'GUILD_CREATE', state.guildCreatePayload());
          return;
        }
        case 6: {
          const known = sessions.get(String(d.session_id));
          if (!known || d.token !== state.token) {
            sendFrame(socket, { op: 9, d: false });
            return;
          }
          known.socket = socket;
          session = known;
          dispatch(known, 'RESUMED', {});
          return;
        }
        case 3:
        case 4:
        case 8:
          if (!session) socket.close(4003, 'Not authenticated');
          return;
        default:
          socket.close(4001, 'Unknown opcode');
      }
    });
  }

  return {
    frames,
    connectQueries,
    /** Sends a dispatch to every identified session (normally the one bot connection). */
    broadcast(t: string, d: unknown): number {
      let sent = 0;
      for (const session of sessions.values()) {
        if (session.socket.readyState === session.socket.OPEN) {
          dispatch(session, t, d);
          sent += 1;
        }
      }
      return sent;
    },
    /** Closes every connection with a code, e.g. 4000 to make the client resume. */
    disconnectAll(code = 4000, reason = 'Unknown error'): void {
      for (const client of wss.clients) client.close(code, reason);
    },
    get openConnections(): number {
      return [...wss.clients].filter((c) => c.readyState === c.OPEN).length;
    },
    close(): Promise<void> {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
