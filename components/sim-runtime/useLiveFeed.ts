'use client';
// The playground's live mode as a hook: with ?live=1 in the address it opens the server's event stream (same
// origin, `kafka-sim --listen --ui`), asks the playground to start a controller for the stream's seed/brokers and
// feeds it the commands (liveFeed.ts). Returns the status line, or null outside live mode.
import { useEffect, useRef, useState } from 'react';
import { LIVE_EVENTS_URL, LiveFeed, liveStatusText } from './liveFeed';
import type { SimController, SimInitSpec } from './SimController';

export function useLiveFeed(
  controller: SimController | null,
  start: (spec: SimInitSpec) => void,
): string | null {
  const [status, setStatus] = useState<string | null>(null);
  const feedRef = useRef<LiveFeed | null>(null);
  const startRef = useRef(start);
  startRef.current = start;

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('live') !== '1') return;
    let source: EventSource | null = null;
    const connect = () => {
      source?.close();
      const s = new EventSource(LIVE_EVENTS_URL);
      source = s;
      s.addEventListener('init', (e) => feed.receive('init', (e as MessageEvent<string>).data));
      s.addEventListener('commands', (e) => feed.receive('commands', (e as MessageEvent<string>).data));
      // EventSource reconnects by itself; the server then sends a fresh init and the feed starts over.
      s.onerror = () => feed.disconnected();
    };
    const feed = new LiveFeed({
      start: (spec) => startRef.current(spec),
      status: (st) => setStatus(liveStatusText(st)),
      resync: connect,
    });
    feedRef.current = feed;
    connect();
    return () => {
      source?.close();
      feedRef.current = null;
    };
  }, []);

  useEffect(() => {
    feedRef.current?.attach(controller);
  }, [controller]);

  return status;
}
