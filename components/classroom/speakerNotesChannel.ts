// The projector and its speaker-notes window talk over a BroadcastChannel named after the scenario: the projector
// announces its step, the notes window asks for it when it opens and may ask the projector to move. Notes are
// never drawn on the projected page; they live only in the window the presenter keeps on their own screen.

export type NotesMessage =
  | { kind: 'step'; step: number }
  | { kind: 'hello' }
  | { kind: 'move'; to: 'next' | 'previous' };

export const notesChannelName = (scenarioId: string): string => `kafka-roadmap-notes:${scenarioId}`;

/** The notes window's address: this page with notes=1 (the hash, which may carry a custom scenario, is kept). */
export function notesUrl(href: string, step: number): string {
  const url = new URL(href);
  url.searchParams.delete('follow');
  url.searchParams.set('notes', '1');
  url.searchParams.set('step', String(step));
  return url.toString();
}

export function isNotesMessage(data: unknown): data is NotesMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { kind?: unknown; step?: unknown; to?: unknown };
  if (m.kind === 'hello') return true;
  if (m.kind === 'step') return typeof m.step === 'number' && Number.isInteger(m.step);
  if (m.kind === 'move') return m.to === 'next' || m.to === 'previous';
  return false;
}
