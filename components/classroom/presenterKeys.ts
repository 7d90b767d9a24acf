// Keys a presenter uses, including what presentation remotes send (they emulate PageUp/PageDown, and some
// send "." or "b" for a black screen).

export type PresenterAction =
  | 'next'
  | 'previous'
  | 'restart'
  | 'fullscreen'
  | 'notes'
  | 'blank'
  | 'help'
  | 'close';

export const PRESENTER_KEYS: ReadonlyArray<{ keys: string[]; action: PresenterAction; label: string }> = [
  { keys: ['→', 'Space', 'PageDown'], action: 'next', label: 'Next step' },
  { keys: ['←', 'PageUp'], action: 'previous', label: 'Previous step' },
  { keys: ['R'], action: 'restart', label: 'Restart the scenario' },
  { keys: ['F'], action: 'fullscreen', label: 'Full screen on or off' },
  { keys: ['N'], action: 'notes', label: 'Speaker notes, in a window of their own' },
  { keys: ['B', '.'], action: 'blank', label: 'Blank the screen (any key returns)' },
  { keys: ['?'], action: 'help', label: 'Show these keys' },
  { keys: ['Esc'], action: 'close', label: 'Close this panel' },
];

type KeyLike = { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean };

export function presenterAction(event: KeyLike): PresenterAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'r':
    case 'R':
      return 'restart';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'n':
    case 'N':
      return 'notes';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      return null;
  }
}

/** Keys typed into a field (the console, an input) belong to that field, not to the presenter. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
