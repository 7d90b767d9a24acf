import { describe, expect, it } from 'vitest';
import { presenterAction } from './presenterKeys';

describe('presenter keys (keyboard and presentation remotes)', () => {
  it.each([
    ['ArrowRight', 'next'],
    [' ', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['r', 'restart'],
    ['R', 'restart'],
    ['f', 'fullscreen'],
    ['n', 'notes'],
    ['b', 'blank'],
    ['.', 'blank'],
    ['?', 'help'],
    ['Escape', 'close'],
  ])('%j → %s', (key, action) => {
    expect(presenterAction({ key })).toBe(action);
  });

  it('ignores keys with modifiers, so browser shortcuts keep working', () => {
    expect(presenterAction({ key: 'r', ctrlKey: true })).toBeNull();
    expect(presenterAction({ key: 'f', metaKey: true })).toBeNull();
    expect(presenterAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
  });

  it('ignores other keys', () => {
    expect(presenterAction({ key: 'x' })).toBeNull();
    expect(presenterAction({ key: 'Enter' })).toBeNull();
  });
});
