import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';
import type { Slot } from '../../api/schemas.js';
import { format } from '../../i18n/locale.js';
import type { Locale } from '../../i18n/types.js';
import { zoneName } from '../../internal/format.js';
import { dayTarget, moved, sameStart, slotTarget } from './slot-keys.js';
import {
  calendarDays,
  dayLabel,
  dayNumber,
  dayWeekday,
  firstOpenDay,
  nextOpenDay,
  slotLabel,
  slotTime,
  timeZoneOptions,
  type CalendarDay,
} from './slot-calendar.js';

/** What the picker says; `{…}` placeholders are filled in by the picker. */
export interface SlotPickerStrings {
  /** Accessible name of the group of day buttons: `Days`. */
  days: string;
  /** Heading of the chosen day's times: `Times on {day}`. */
  times: string;
  /** `Nothing is open on {day}.` */
  noSlotsOn: string;
  /** Button after that sentence: `Next open day`. */
  nextOpenDay: string;
  /** No slot at all in the horizon. */
  noneInHorizon: string;
  /** Label of the zone select: `Time zone`. */
  timeZone: string;
  /** `Times are shown in {zone}.` */
  timesIn: string;
  /** A day's count of open slots: `{n} open`. */
  open: string;
}

/** What the picker shows, and what it tells its element. */
export interface SlotPickerView {
  slots: readonly Slot[];
  /** The horizon starts on the day this instant falls on in `timeZone`. */
  from: Date;
  /** Length of the horizon in days. */
  days: number;
  /** IANA zone the times are shown in. */
  timeZone: string;
  locale: Locale;
  /** ISO start of the chosen slot. */
  selected?: string;
  strings: SlotPickerStrings;
  /** Level of the heading above the chosen day's times; 4 by default. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  onSelect: (slot: Slot) => void;
  onTimeZone: (zone: string) => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The "Time" step's picker: the zone, the horizon's days as buttons, and the chosen day's open
 * slots. Keyboard as in the WAI-ARIA date picker dialog's grid, with roving tabindex: one day
 * button and one slot button in the tab order; arrows, Home/End and PageUp/PageDown move among
 * the days (and choose the day moved to), arrows and Home/End among the slots; Enter or Space
 * (the native button) selects a slot. The element owns the data and the selection; the picker
 * owns which day is shown and where the focus is.
 */
export class SlotPicker implements ReactiveController {
  /** Key of the day whose slots are shown. */
  private chosen: string | undefined;
  /** Start of the slot button in the tab order. */
  private activeSlot: string | undefined;
  private seenSelected: string | undefined;
  private seenZone: string | undefined;
  private cache:
    | { slots: readonly Slot[]; zone: string; from: number; days: number; result: CalendarDay[] }
    | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** A detached element lets go of the slots it was shown. */
  hostDisconnected(): void {
    this.cache = undefined;
  }

  /** Moves focus to the chosen day's button (when the step opens, or after a reload). */
  focusDay(): void {
    void this.host.updateComplete.then(() => {
      const root = (this.host as { renderRoot?: ParentNode }).renderRoot ?? this.host.shadowRoot;
      root?.querySelector<HTMLElement>('.slot-picker [part~="day"][tabindex="0"]')?.focus();
    });
  }

  private calendar(view: SlotPickerView): CalendarDay[] {
    const c = this.cache;
    const from = view.from.getTime();
    if (
      c?.slots === view.slots &&
      c.zone === view.timeZone &&
      c.from === from &&
      c.days === view.days
    ) {
      return c.result;
    }
    const result = calendarDays(view.slots, view.timeZone, view.from, view.days);
    this.cache = { slots: view.slots, zone: view.timeZone, from, days: view.days, result };
    return result;
  }

  /**
   * The chosen day: kept while it is in the horizon (a reload after a 409 keeps it); the selected
   * slot's day when the selection or the zone changes from outside; else the first open day.
   */
  private chosenIndex(days: CalendarDay[], view: SlotPickerView): number {
    let index = this.chosen === undefined ? -1 : days.findIndex((d) => d.key === this.chosen);
    const outside = view.selected !== this.seenSelected || view.timeZone !== this.seenZone;
    this.seenSelected = view.selected;
    this.seenZone = view.timeZone;
    if (outside && view.selected) {
      const onDay = (d: CalendarDay | undefined) =>
        !!d?.slots.some((s) => sameStart(s.start, view.selected));
      if (!onDay(days[index])) {
        const selectedDay = days.findIndex(onDay);
        if (selectedDay >= 0) index = selectedDay;
      }
    }
    if (index < 0) index = Math.max(firstOpenDay(days), 0);
    this.chosen = days[index]?.key;
    return index;
  }

  private choose(key: string): void {
    this.chosen = key;
    this.activeSlot = undefined;
    this.host.requestUpdate();
  }

  render(view: SlotPickerView): TemplateResult {
    const t = view.strings;
    const days = this.calendar(view);
    const index = this.chosenIndex(days, view);
    const day = days[index];
    const anyOpen = firstOpenDay(days) >= 0;
    return html`<div class="slot-picker">
      <div class="zone">
        <label for="slot-picker-zone">${t.timeZone}</label>
        <select
          id="slot-picker-zone"
          part="time-zone"
          .value=${view.timeZone}
          @change=${(e: Event) => view.onTimeZone((e.target as HTMLSelectElement).value)}
        >
          ${timeZoneOptions(view.timeZone).map(
            (zone) =>
              html`<option value=${zone} ?selected=${zone === view.timeZone}>
                ${zone.replace(/_/g, ' ')}
              </option>`,
          )}
        </select>
      </div>
      <p class="times-in">
        ${format(t.timesIn, { zone: zoneName(view.locale, view.from, view.timeZone) })}
      </p>
      ${
        anyOpen && day
          ? html`${this.renderDays(days, index, view)} ${this.renderTimes(days, index, view)}`
          : html`<p class="none">${t.noneInHorizon}</p>`
      }
    </div>`;
  }

  private renderDays(days: CalendarDay[], chosen: number, view: SlotPickerView): TemplateResult {
    const { locale, strings: t } = view;
    return html`<div
      role="group"
      part="days"
      class="days"
      aria-label=${t.days}
      @keydown=${(e: KeyboardEvent) => {
        const move = moved(e, dayTarget);
        if (!move) return;
        move.buttons[move.to]!.focus();
        this.choose(days[move.to]!.key);
      }}
    >
      ${days.map((d, i) => {
        const open = d.slots.length;
        const isChosen = i === chosen;
        const count = format(t.open, { n: open });
        // Named by its content, "Tuesday, March 3, 2 open": the full date is read, not shown;
        // the short one is shown, not read. An aria-label would hide the visible text from the
        // name (WCAG 2.5.3, axe's label-content-name-mismatch).
        return html`<button
          type="button"
          class="day"
          part="day${open ? ' day-open' : ''}${isChosen ? ' day-chosen' : ''}"
          data-index=${i}
          tabindex=${isChosen ? '0' : '-1'}
          aria-pressed=${isChosen ? 'true' : 'false'}
          @click=${() => this.choose(d.key)}
        >
          <span class="vh">${dayLabel(d.key, locale, view.timeZone)},</span>
          <span class="weekday" aria-hidden="true">${dayWeekday(d.key, locale)}</span>
          <span class="date" aria-hidden="true"
            >${dayNumber(d.key, locale, i === 0 || d.key.endsWith('-01'))}</span
          >
          <span class=${open ? 'count' : 'count vh'}>${count}</span>
        </button>`;
      })}
    </div>`;
  }

  private renderTimes(days: CalendarDay[], chosen: number, view: SlotPickerView): TemplateResult {
    const { locale, strings: t, timeZone } = view;
    const day = days[chosen]!;
    const label = dayLabel(day.key, locale, timeZone);
    const heading = format(t.times, { day: label });
    const slots = day.slots;
    // In the tab order: the slot last moved to, else the selected one, else the first.
    let active = slots.findIndex((s) => sameStart(s.start, this.activeSlot));
    if (active < 0) active = slots.findIndex((s) => sameStart(s.start, view.selected));
    if (active < 0) active = 0;
    const next = nextOpenDay(days, chosen);
    return html`<div class="times">
      ${headingTag(view.headingLevel ?? 4, heading)}
      ${
        slots.length
          ? html`<ul
              part="slots"
              class="slots"
              aria-labelledby="slot-picker-times"
              @keydown=${(e: KeyboardEvent) => {
                const move = moved(e, slotTarget);
                if (!move) return;
                move.buttons[move.to]!.focus();
                this.activeSlot = slots[move.to]!.start;
                this.host.requestUpdate();
              }}
            >
              ${slots.map((slot, i) => {
                const selected = sameStart(slot.start, view.selected);
                return html`<li>
                  <button
                    type="button"
                    class="slot"
                    part="slot${selected ? ' slot-selected' : ''}"
                    data-index=${i}
                    tabindex=${i === active ? '0' : '-1'}
                    aria-pressed=${selected ? 'true' : 'false'}
                    aria-label=${slotLabel(slot, locale, timeZone)}
                    @click=${() => {
                      this.activeSlot = slot.start;
                      view.onSelect(slot);
                      this.host.requestUpdate();
                    }}
                  >
                    ${slotTime(slot, locale, timeZone)}
                  </button>
                </li>`;
              })}
            </ul>`
          : html`<p class="nothing">${format(t.noSlotsOn, { day: label })}</p>
              ${
                next >= 0
                  ? html`<button
                      type="button"
                      class="next"
                      part="next-open-day"
                      @click=${(e: Event) => {
                        const picker = (e.currentTarget as Element).closest('.slot-picker');
                        picker
                          ?.querySelector<HTMLElement>(`[part~="day"][data-index="${next}"]`)
                          ?.focus();
                        this.choose(days[next]!.key);
                      }}
                    >
                      ${t.nextOpenDay}
                    </button>`
                  : nothing
              }`
      }
    </div>`;
  }
}

/** The chosen day's heading, at the level the element's outline needs. */
function headingTag(level: 2 | 3 | 4 | 5 | 6, text: string): TemplateResult {
  switch (level) {
    case 2:
      return html`<h2 id="slot-picker-times">${text}</h2>`;
    case 3:
      return html`<h3 id="slot-picker-times">${text}</h3>`;
    case 5:
      return html`<h5 id="slot-picker-times">${text}</h5>`;
    case 6:
      return html`<h6 id="slot-picker-times">${text}</h6>`;
    default:
      return html`<h4 id="slot-picker-times">${text}</h4>`;
  }
}

export { slotPickerStyles } from './slot-picker.styles.js';
