/**
 * The slot picker's keyboard model (WAI-ARIA date picker), pure: where a key moves the focus.
 */

/** Days sit in rows of a week, counted from the horizon's first day. */
const week = 7;

/** Where a key moves the focus among the days; undefined for keys the days do not use. */
export function dayTarget(key: string, index: number, count: number): number | undefined {
  const rowStart = index - (index % week);
  switch (key) {
    case 'ArrowLeft':
      return index - 1;
    case 'ArrowRight':
      return index + 1;
    case 'ArrowUp':
      return index - week;
    case 'ArrowDown':
      return index + week;
    case 'Home':
      return rowStart;
    case 'End':
      return Math.min(rowStart + week - 1, count - 1);
    case 'PageUp':
      return Math.max(index - 4 * week, 0);
    case 'PageDown':
      return Math.min(index + 4 * week, count - 1);
    default:
      return undefined;
  }
}

/** Where a key moves the focus among a day's slots, a single list. */
export function slotTarget(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return index - 1;
    case 'ArrowRight':
    case 'ArrowDown':
      return index + 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export const sameStart = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && (a === b || Date.parse(a) === Date.parse(b));

/** The index of the button a key moved to, or undefined; moving past either end stays put. */
export function moved(
  event: KeyboardEvent,
  target: (key: string, index: number, count: number) => number | undefined,
): { buttons: HTMLButtonElement[]; to: number } | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-index]');
  if (!button) return undefined;
  const buttons = [
    ...(event.currentTarget as Element).querySelectorAll<HTMLButtonElement>('button[data-index]'),
  ];
  const from = Number(button.dataset['index']);
  const to = target(event.key, from, buttons.length);
  if (to === undefined) return undefined;
  // The key is ours even at an edge: the page must not scroll instead.
  event.preventDefault();
  if (to < 0 || to >= buttons.length || to === from) return undefined;
  return { buttons, to };
}
