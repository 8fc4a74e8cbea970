/**
 * The price of a gifted session: a pure rule with no storage and no HTTP, shared by
 * `<gift-card-purchase>` (its total) and the backends (what a purchase costs). Apart from the
 * booking rules so that the gift-card element's file carries no booking code.
 */
import type { Program, SessionLength } from './schemas.js';

/**
 * The price of one gifted session, minor units: the program's `giftCards.pricePerSession` when it
 * sets one; else what its pricing asks for a session of the card's length (the fixed price, or
 * the sliding scale's suggested amount, a `byLength` entry first), and for a card that covers any
 * length (no `lengthMinutes`) the most that any of the program's lengths costs. 0 when free.
 */
export function giftSessionPrice(
  program: Pick<Program, 'pricing' | 'giftCards' | 'sessionLengths'>,
  lengthMinutes?: SessionLength,
): number {
  const { pricing } = program;
  const set = program.giftCards.pricePerSession;
  if (set !== undefined || pricing.model === 'free') return set ?? 0;
  const priceOf = (length: SessionLength) => {
    if (pricing.model === 'fixed') {
      return (pricing.byLength?.find((e) => e.lengthMinutes === length) ?? pricing).price;
    }
    return (pricing.byLength?.find((e) => e.lengthMinutes === length) ?? pricing).suggested;
  };
  return Math.max(...(lengthMinutes ? [lengthMinutes] : program.sessionLengths).map(priceOf));
}
