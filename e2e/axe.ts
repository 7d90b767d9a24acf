import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe as this project runs it: axe's default rules, plus `label-content-name-mismatch` (WCAG 2.5.3 Label in Name:
 * a control's accessible name contains its visible text), which axe ships as experimental and leaves off unless
 * asked for.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
}
