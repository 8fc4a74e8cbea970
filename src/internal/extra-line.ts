import type { CrisisLine } from '../api/schemas.js';

/** The partner's own crisis line, shown in addition to 988 and 911. */
export type ExtraLine = Pick<CrisisLine, 'label' | 'phone' | 'sms' | 'url'>;

const PHONE = /^\+?[0-9]{3,15}$/;

/** Digits and a leading + of a number written for people: `(541) 555-0100` → `5415550100`. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s().-]/g, '');
}

/**
 * Checks a partner-supplied extra line. An invalid number is left out with a console warning: the
 * banner still shows 988 and 911, which an extra line can never replace.
 */
export function checkExtraLine(
  input: { label?: string | null; phone?: string | null; sms?: string | null; url?: string | null },
  source: string,
): ExtraLine | undefined {
  const label = input.label?.trim();
  const rawPhone = input.phone?.trim();
  if (!label && !rawPhone) return undefined;
  if (!label) {
    console.warn(
      `[peer-support-widgets] ${source}: the extra crisis line has no label; it is not shown.`,
    );
    return undefined;
  }
  const phone = rawPhone ? normalizePhone(rawPhone) : '';
  if (!PHONE.test(phone)) {
    console.warn(
      `[peer-support-widgets] ${source}: "${rawPhone ?? ''}" is not a valid phone number for the extra crisis line; it is not shown. 988 and 911 are shown as always.`,
    );
    return undefined;
  }
  const line: ExtraLine = { label, phone };
  if (input.sms?.trim()) {
    const sms = normalizePhone(input.sms.trim());
    if (PHONE.test(sms)) line.sms = sms;
    else
      console.warn(
        `[peer-support-widgets] ${source}: "${input.sms}" is not a valid text number; it is not shown.`,
      );
  }
  if (input.url?.trim()) {
    if (isHttpsUrl(input.url.trim())) line.url = input.url.trim();
    else
      console.warn(
        `[peer-support-widgets] ${source}: the extra crisis line's URL must be https; it is not shown.`,
      );
  }
  return line;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
