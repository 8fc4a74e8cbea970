import { sheet } from './sheet.js';

/**
 * Design tokens. Every element reads `--peer-*` custom properties that a host page may set
 * anywhere above it; the fallbacks here are the defaults. Colours use `light-dark()` so they follow
 * the element's `color-scheme`: the page's preference by default, or the `theme` attribute.
 */
export const tokens = sheet`
  :host {
    color-scheme: light dark;
    --_font: var(--peer-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--peer-color-text, light-dark(#1d2330, #eef0f4));
    --_muted: var(--peer-color-muted, light-dark(#4b5466, #b9c0cd));
    --_surface: var(--peer-color-surface, light-dark(#ffffff, #161a22));
    --_surface-alt: var(--peer-color-surface-alt, light-dark(#f3f5f9, #1f2531));
    --_border: var(--peer-color-border, light-dark(#7b8496, #6f788a));
    --_primary: var(--peer-color-primary, light-dark(#2f4fb5, #9db4ff));
    --_on-primary: var(--peer-color-on-primary, light-dark(#ffffff, #0b1330));
    --_crisis: var(--peer-color-crisis, light-dark(#8a1c2b, #ffb3bd));
    --_crisis-bg: var(--peer-color-crisis-bg, light-dark(#fdf0f1, #2a1418));
    --_on-crisis: var(--peer-color-on-crisis, light-dark(#ffffff, #2a0a10));
    --_focus: var(--peer-color-focus, light-dark(#1a56db, #9db4ff));
    --_radius: var(--peer-radius, 0.5rem);
    --_space: var(--peer-space, 1rem);
    --_target: 44px;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Visually hidden, still read by screen readers. */
  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    :host *,
    :host *::before,
    :host *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** A visible focus ring for every interactive part. */
export const focusRing = sheet`
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
