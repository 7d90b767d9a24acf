import { isValidElement, type ReactNode } from 'react';

// WCAG 2.5.3 Label in Name: a control's accessible name contains its visible text, so a speech-input user can say
// what they see ("click plus one s") and reach it. A button whose visible text is a short form of its action
// ("+1 s" for "advance the clock by 1 second") gets a name that starts with the visible text.

/** The plain text a button's children show, when they are text (strings, numbers, fragments of them). */
export function textOf(node: ReactNode): string | null {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) {
    const parts = node.map(textOf);
    return parts.some((part) => part === null) ? null : parts.join('');
  }
  if (isValidElement<{ children?: ReactNode; 'aria-hidden'?: unknown }>(node)) {
    // Hidden decoration (an icon) is not part of the visible label a user would speak.
    if (node.props['aria-hidden'] === true || node.props['aria-hidden'] === 'true') return '';
    return textOf(node.props.children);
  }
  return null;
}

/** Words only, lower case: the comparison axe's label-content-name-mismatch makes, near enough. */
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether `name` contains the visible text as whole words, in order. */
export function containsVisibleText(name: string, visible: string): boolean {
  const shown = words(visible);
  return shown === '' || ` ${words(name)} `.includes(` ${shown} `);
}

/**
 * The accessible name for a control with visible text `visible` and a fuller description `label`: the label when
 * it already says the visible text, else "visible: label".
 */
export function nameWithVisibleText(label: string | undefined, visible: string | null): string | undefined {
  if (label === undefined || visible === null || containsVisibleText(label, visible)) return label;
  return `${visible.trim()}: ${label}`;
}
