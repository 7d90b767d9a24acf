import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { containsVisibleText, nameWithVisibleText, textOf } from './labelInName';

describe('WCAG 2.5.3 Label in Name (axe label-content-name-mismatch)', () => {
  it('a short visible text the label does not contain leads the name: "+1 s: Advance the clock by 1 second"', () => {
    expect(nameWithVisibleText('Advance the clock by 1 second', '+1 s')).toBe(
      '+1 s: Advance the clock by 1 second',
    );
    expect(containsVisibleText('+1 s: Advance the clock by 1 second', '+1 s')).toBe(true);
  });

  it('a label that already says the visible text, as whole words, is kept as it is', () => {
    expect(nameWithVisibleText('Add consumer to group orders-app', 'Add consumer')).toBe(
      'Add consumer to group orders-app',
    );
    expect(nameWithVisibleText('Stop broker 1', 'Stop')).toBe('Stop broker 1');
    // "Stop" inside "Stopped" is not the word the user sees.
    expect(containsVisibleText('Stopped broker 1', 'Stop')).toBe(false);
  });

  it('no label, or visible content that is not text (an icon), leaves the name alone', () => {
    expect(nameWithVisibleText(undefined, 'Poll')).toBeUndefined();
    expect(nameWithVisibleText('Pause', null)).toBe('Pause');
  });

  it('reads the text of strings, numbers and nested elements, leaving out aria-hidden decoration', () => {
    expect(textOf(['Send ', 5, ' orders'])).toBe('Send 5 orders');
    expect(
      textOf(
        createElement(
          Fragment,
          null,
          createElement('span', { 'aria-hidden': true }, '▶'),
          createElement('span', null, 'Play'),
        ),
      ),
    ).toBe('Play');
  });
});
