// The lesson embeds as the MDX sees them: <Simulation preset="…">, <Challenge id="…">, <Console preset="…">,
// <Quiz id="…">. These are server components: each looks its data up in the content loader at build time and
// hands it to the client island as props, so a lesson page carries only the presets, challenges and quiz it
// uses. An id that resolves to nothing reaches the island as null, which says so on the page; the content tests
// fail on it first.
import { Quiz as QuizForm } from '@/components/quiz/Quiz';
import { challenge, preset, quiz } from '@/lib/content.server';
import {
  Challenge as ChallengeIsland,
  Console as ConsoleIsland,
  Simulation as SimulationIsland,
} from './lazyWidgets';

export function Simulation({
  preset: id,
  views,
  caption,
}: {
  preset: string;
  views?: string;
  caption?: string;
}) {
  return <SimulationIsland preset={preset(id) ?? null} presetId={id} views={views} caption={caption} />;
}

export function Challenge({ id }: { id: string }) {
  const spec = challenge(id) ?? null;
  return <ChallengeIsland id={id} spec={spec} preset={spec ? (preset(spec.preset) ?? null) : null} />;
}

export function Console({
  preset: id,
  lines,
  label,
}: {
  preset?: string;
  lines?: readonly string[];
  label?: string;
}) {
  return (
    <ConsoleIsland presetId={id} preset={id ? (preset(id) ?? null) : undefined} lines={lines} label={label} />
  );
}

export function Quiz({ id }: { id: string }) {
  return <QuizForm quiz={quiz(id) ?? null} />;
}
