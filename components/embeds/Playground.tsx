'use client';
// The free playground: every view, the console, presets to load, a share link (seed + command log in
// the URL fragment) and large mode. A bad link shows why and leaves an empty cluster — never a crash.
// Its page (app/playground/page.tsx) passes the presets in from the content loader.
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Preset } from '@/components/embeds/preset';
import {
  clusterFromHash,
  decodeAnyShare,
  encodeSessionShare,
  encodeShare,
  shareFromHash,
  shareHash,
} from '@/lib/share';
import type { SimInitSpec } from '../sim-runtime/SimController';
import { useShownClusterStore } from '../sim-runtime/shownCluster';
import { restoreLargeMode, useSimUi } from '../sim-runtime/uiStore';
import { useLiveFeed } from '../sim-runtime/useLiveFeed';
import { useSimController, useSimVersion } from '../sim-runtime/useSimulation';
import { inlineSelectClass, inputClass, SimButton } from '../sim-views/ui';

// Until the views arrive, a screen-high placeholder holds their place: nothing below it (the footer) is in view
// before or after, so loading them shifts nothing on screen.
function WorkspacePlaceholder() {
  return (
    <p className="min-h-screen text-slate-600 dark:text-slate-400" aria-live="polite">
      Starting the cluster…
    </p>
  );
}

// The views, the console and the simulator load after first paint (the controller itself comes from a dynamic
// import in useSimController), so the playground's own first load is the framework and its controls.
const PlaygroundWorkspace = dynamic(
  () => import('./PlaygroundWorkspace').then((m) => m.PlaygroundWorkspace),
  {
    ssr: false,
    loading: WorkspacePlaceholder,
  },
);

const DEFAULT_PRESET = 'playground-default';
const EMPTY: SimInitSpec = { seed: 42, brokers: 3, setup: [] };

/** `cluster`: the cluster a share link's views show (two-cluster presets), applied once its controller exists. */
type Start = { spec: SimInitSpec; presetId: string | null; error: string | null; cluster?: string | null };

let epochCounter = 0;

type Presets = ReadonlyMap<string, Preset>;

function startFromPreset(presets: Presets, id: string): Start {
  const p = presets.get(id);
  if (!p) return { spec: EMPTY, presetId: null, error: `There is no preset called “${id}”.` };
  return { spec: { seed: p.seed, brokers: p.brokers, setup: p.setup }, presetId: p.id, error: null };
}

/** The start a location's share link asks for (version 2 links are inflated first, hence async). */
async function startFromLocation(presets: Presets): Promise<Start> {
  const encoded = shareFromHash(window.location.hash);
  if (encoded === null) return startFromPreset(presets, DEFAULT_PRESET);
  const decoded = await decodeAnyShare(encoded);
  if (!decoded.ok) return { spec: EMPTY, presetId: null, error: decoded.message };
  const { payload } = decoded;
  const preset = payload.preset ? presets.get(payload.preset) : null;
  if (payload.preset && !preset) {
    return {
      spec: EMPTY,
      presetId: null,
      error: `This share link starts from a preset this site does not have (“${payload.preset}”).`,
    };
  }
  return {
    spec: {
      seed: payload.seed,
      brokers: payload.brokers,
      setup: preset?.setup ?? [],
      lines: payload.lines,
      ...(payload.v === 2 ? { commands: payload.commands } : {}),
    },
    presetId: preset?.id ?? null,
    error: null,
    cluster: clusterFromHash(window.location.hash),
  };
}

/** Each group of the picker in alphabetical order of title, so a preset is found by its name. */
const byTitle = (list: Preset[]) => [...list].sort((a, b) => a.title.localeCompare(b.title, 'en'));

export type PlaygroundProps = {
  /** content/playground/*.json, offered first. */
  playgroundPresets: Preset[];
  /** The lessons' presets (share links from a lesson name one of them). */
  lessonPresets: Preset[];
};

export function Playground({ playgroundPresets, lessonPresets }: PlaygroundProps) {
  const playgroundList = useMemo(() => byTitle(playgroundPresets), [playgroundPresets]);
  const lessonList = useMemo(() => byTitle(lessonPresets), [lessonPresets]);
  const presets = useMemo<Presets>(
    () => new Map([...playgroundPresets, ...lessonPresets].map((p) => [p.id, p])),
    [playgroundPresets, lessonPresets],
  );
  const [start, setStartState] = useState<(Start & { epoch: number }) | null>(null);
  const setStart = useCallback((next: Start) => setStartState({ ...next, epoch: ++epochCounter }), []);
  const [choice, setChoice] = useState(DEFAULT_PRESET);
  const [shareText, setShareText] = useState<string | null>(null);
  const [shareStatus, setShareStatus] = useState('');
  const largeMode = useSimUi((s) => s.largeMode);
  const setLargeMode = useSimUi((s) => s.setLargeMode);

  useEffect(() => {
    restoreLargeMode();
    // Only the latest read wins: a slow inflation must not overwrite a later hash change.
    let reads = 0;
    const read = () => {
      const n = ++reads;
      void startFromLocation(presets).then((next) => {
        if (n !== reads) return;
        // The picker names the preset on screen (none for a link that starts from a bare cluster).
        setChoice(next.presetId ?? '');
        setStart(next);
      });
    };
    read();
    window.addEventListener('hashchange', read);
    return () => {
      reads++;
      window.removeEventListener('hashchange', read);
    };
  }, [setStart, presets]);

  const controller = useSimController(start?.spec ?? null, start?.epoch ?? 0);
  useSimVersion(controller);
  const pickCluster = useShownClusterStore((s) => s.pick);
  const linkCluster = start?.cluster ?? null;
  useEffect(() => {
    if (controller && linkCluster) pickCluster(controller, linkCluster);
  }, [controller, linkCluster, pickCluster]);
  // ?live=1 (kafka-sim --listen --ui): the controller replays the server's command stream.
  const liveStatus = useLiveFeed(controller, (spec) => setStart({ spec, presetId: null, error: null }));

  // The frame-time benchmark (scripts/bench/playground-frames.mjs) drives the controller directly.
  useEffect(() => {
    if (controller && new URLSearchParams(window.location.search).has('bench')) {
      (window as unknown as { __playground?: unknown }).__playground = controller;
    }
  }, [controller]);

  const loadPreset = useCallback(
    (id: string) => {
      // Keep the query (?bench) so the frame-time benchmarks follow the newly loaded preset.
      history.replaceState(null, '', window.location.pathname + window.location.search);
      setShareText(null);
      setStart(startFromPreset(presets, id));
    },
    [setStart, presets],
  );

  const copyLink = useCallback(async () => {
    if (!controller || !start) return;
    try {
      const base = {
        seed: start.spec.seed,
        brokers: start.spec.brokers,
        preset: start.presetId,
        lines: [...controller.log.slice(0, controller.cursor)],
      };
      // A session driven by commands (the live view's real clients) shares its command log too (version 2).
      const commands = controller.remoteCommands;
      const encoded =
        commands.length > 0
          ? await encodeSessionShare({ ...base, commands: [...commands] })
          : encodeShare(base);
      // The cluster the views show is UI state: it travels beside the log, not in it.
      const hash = shareHash(encoded, useShownClusterStore.getState().picks.get(controller) ?? null);
      const url = `${window.location.origin}${window.location.pathname}${hash}`;
      history.replaceState(null, '', hash);
      setShareText(url);
      try {
        await navigator.clipboard.writeText(url);
        setShareStatus('Link copied. Anyone opening it replays the same steps and sees the same cluster.');
      } catch {
        setShareStatus('Your browser did not allow copying; select the link below and copy it.');
      }
    } catch (e) {
      setShareStatus(e instanceof Error ? e.message : 'Could not make a link.');
    }
  }, [controller, start]);

  const title = useMemo(
    () => (start?.presetId ? presets.get(start.presetId)?.title : null),
    [start, presets],
  );

  return (
    <div className="mx-auto max-w-[110rem] px-3 py-6 sm:px-6" data-wide-page="">
      <header className="mb-4 flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
            Playground
          </h1>
          {/* One line whatever the preset (cut short if need be): its title arrives after first paint. */}
          <p
            className="min-w-0 flex-1 truncate text-sm text-slate-600 dark:text-slate-400"
            title={title ?? undefined}
          >
            {title ? `Started from: ${title}` : 'A bare cluster'}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            Preset
            <select
              className={`${inlineSelectClass} max-w-[16rem]`}
              aria-label="Preset"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value="" disabled>
                Choose a preset…
              </option>
              <optgroup label="Playground">
                {playgroundList.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </optgroup>
              <optgroup label="From the lessons">
                {lessonList.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <SimButton
            label="Load the chosen preset"
            disabled={choice === ''}
            onClick={() => loadPreset(choice)}
          >
            Load preset
          </SimButton>
          <SimButton
            label="Start over with an empty cluster"
            onClick={() => {
              // Keep the query (?bench) so the frame-time benchmarks follow the newly loaded preset.
              history.replaceState(null, '', window.location.pathname + window.location.search);
              setChoice('');
              setStart({ spec: EMPTY, presetId: null, error: null });
            }}
          >
            Empty cluster
          </SimButton>
          <SimButton
            variant="primary"
            label="Copy link to this playground"
            onClick={copyLink}
            disabled={!controller}
          >
            Copy link
          </SimButton>
          <SimButton label="Large mode" pressed={largeMode} onClick={() => setLargeMode(!largeMode)}>
            Large mode
          </SimButton>
        </div>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {shareStatus}
        </p>
        {liveStatus ? (
          <p
            role="status"
            className="text-sm font-medium text-emerald-800 dark:text-emerald-300"
            data-testid="live-status"
          >
            {liveStatus}
          </p>
        ) : null}
        {shareText ? (
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            Share link
            <input
              className={`${inputClass} font-mono`}
              readOnly
              value={shareText}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="share-link"
            />
          </label>
        ) : null}
        {start?.error ? (
          <div
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
            data-testid="share-error"
          >
            <p className="font-semibold">This link could not be opened.</p>
            <p>{start.error} You are looking at an empty three-broker cluster instead.</p>
          </div>
        ) : null}
        {controller?.setupError ? (
          <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
            {controller.setupError}
          </p>
        ) : null}
      </header>
      {controller ? (
        <PlaygroundWorkspace
          // A new start is a new terminal too: the previous cluster's output would describe a cluster now gone.
          key={start?.epoch ?? 0}
          controller={controller}
          focus={start?.presetId ? presets.get(start.presetId)?.focus : undefined}
        />
      ) : (
        <WorkspacePlaceholder />
      )}
    </div>
  );
}
