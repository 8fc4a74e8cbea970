import * as z from 'zod/mini';

/** Small builders the schema modules share (not part of the contract's exports). */
export const nonNegativeInt = () => z.number().check(z.int(), z.minimum(0));
export const positiveInt = () => z.number().check(z.int(), z.minimum(1));
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** A string matching `regex`; `message` says what was expected (`an email address`). */
export const pattern = (regex: RegExp, message?: string) =>
  z.string().check(z.regex(regex, message));
