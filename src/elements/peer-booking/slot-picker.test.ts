import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, selectOption, sendKeys } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import type { Slot } from '../../api/schemas.js';
import type { Locale } from '../../i18n/types.js';
import { focusRing, tokens } from '../../styles/tokens.js';
import { SlotPicker, slotPickerStyles, type SlotPickerStrings } from './slot-picker.js';

/** Written here, not imported from src/i18n: a test that reads the text it checks cannot fail. */
const english: SlotPickerStrings = {
  days: 'Days',
  times: 'Times on {day}',
  noSlotsOn: 'Nothing is open on {day}.',
  nextOpenDay: 'Next open day',
  noneInHorizon: 'No times are open in the next two weeks.',
  timeZone: 'Time zone',
  timesIn: 'Times are shown in {zone}.',
  open: '{n} open',
};

const spanish: SlotPickerStrings = {
  days: 'Días',
  times: 'Horarios del {day}',
  noSlotsOn: 'No hay horarios el {day}.',
  nextOpenDay: 'Siguiente día con horarios',
  noneInHorizon: 'No hay horarios en las próximas dos semanas.',
  timeZone: 'Zona horaria',
  timesIn: 'Los horarios se muestran en {zone}.',
  open: '{n} libres',
};

function slot(start: string): Slot {
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return { supporterId: 'sup-1', start, end, lengthMinutes: 30 as Slot['lengthMinutes'] };
}

// The horizon: Monday 2 to Sunday 15 March 2026 in Pacific time, across the change to daylight
// time on Sunday 8. Days in rows of seven from Monday 2.
const tue4pm = slot('2026-03-03T16:00:00-08:00');
const tue9am = slot('2026-03-03T09:00:00-08:00');
const wed10am = slot('2026-03-04T10:00:00-08:00');
const mon9am = slot('2026-03-09T09:00:00-07:00');
const fri12pm = slot('2026-03-13T12:00:00-07:00');
const allSlots = [tue4pm, tue9am, wed10am, mon9am, fri12pm];

/** A stand-in for `<peer-booking>`: holds the data and the selection, as the element does. */
class PickerHost extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    slotPickerStyles,
    css`
      :host {
        display: block;
      }
      :host([narrow]) {
        inline-size: 320px;
      }
    `,
  ];

  @property({ attribute: false }) slots: readonly Slot[] = allSlots;
  @property({ attribute: false }) selected: string | undefined;
  @property({ attribute: false }) zone = 'America/Los_Angeles';
  @property({ attribute: false }) locale: Locale = 'en';
  @property({ attribute: false }) strings = english;
  /** Sized as the narrowest page the widgets support (A5). */
  @property({ type: Boolean, reflect: true }) narrow = false;

  readonly picker = new SlotPicker(this);
  readonly zonesAsked: string[] = [];

  override render() {
    return this.picker.render({
      slots: this.slots,
      from: new Date('2026-03-02T08:00:00-08:00'),
      days: 14,
      timeZone: this.zone,
      locale: this.locale,
      ...(this.selected ? { selected: this.selected } : {}),
      strings: this.strings,
      headingLevel: 3,
      onSelect: this.selectSlot,
      onTimeZone: this.changeZone,
    });
  }

  private readonly selectSlot = (slot: Slot) => {
    this.selected = slot.start;
  };

  private readonly changeZone = (zone: string) => {
    this.zonesAsked.push(zone);
    this.zone = zone;
  };
}
customElements.define('test-slot-picker-host', PickerHost);

const root = (host: PickerHost) => host.shadowRoot!;
const dayButtons = (host: PickerHost) => [
  ...root(host).querySelectorAll<HTMLButtonElement>('[part~="day"]'),
];
const slotButtons = (host: PickerHost) => [
  ...root(host).querySelectorAll<HTMLButtonElement>('[part~="slot"]'),
];
/**
 * The accessible name of a button as a screen reader gets it: its aria-label, else its text
 * without what is aria-hidden.
 */
function accessibleName(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const text = (node: Node): string =>
    node instanceof Element
      ? node.getAttribute('aria-hidden') === 'true'
        ? ''
        : [...node.childNodes].map(text).join('')
      : node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : '';
  return text(el).replace(/\s+/g, ' ').trim();
}
/** The text a sighted person sees: without what is visually hidden (clipped to a pixel). */
function visible(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const text = (node: Node): string => {
    if (node instanceof Element) {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) return '';
      return [...node.childNodes].map(text).join('');
    }
    return node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  };
  return text(el).replace(/\s+/g, ' ').trim();
}
const names = (buttons: Element[]) => buttons.map(accessibleName);
const focused = (host: PickerHost) => root(host).activeElement as HTMLElement | null;
/** The one day button in the tab order. */
const tabbableDays = (host: PickerHost) => names(dayButtons(host).filter((b) => b.tabIndex === 0));
const shownSlots = (host: PickerHost) => slotButtons(host).map((b) => visible(b));

async function picker(
  template = html`<test-slot-picker-host></test-slot-picker-host>`,
): Promise<PickerHost> {
  return fixture<PickerHost>(template);
}

/** Presses a key on the focused control and waits for the host to render what it did. */
async function press(host: PickerHost, key: string): Promise<void> {
  await sendKeys({ press: key });
  await host.updateComplete;
}

describe('slot picker', () => {
  it('is accessible with a day of times shown', async () => {
    const host = await picker();
    await expect(host).to.be.accessible();
  });

  it('names every day in full with its count, and shows its short form', async () => {
    const host = await picker();
    const days = dayButtons(host);
    expect(days).to.have.length(14);
    expect(names(days.slice(0, 3))).to.deep.equal([
      'Monday, March 2, 0 open',
      'Tuesday, March 3, 2 open',
      'Wednesday, March 4, 1 open',
    ]);
    expect(names(days.slice(6, 8))).to.deep.equal([
      'Sunday, March 8, 0 open',
      'Monday, March 9, 1 open',
    ]);
    expect(visible(days[0])).to.equal('Mon Mar 2');
    expect(visible(days[1])).to.equal('Tue 3 2 open');
    const group = root(host).querySelector('[part="days"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Days');
  });

  it('opens on the first open day, its times sorted, named in full', async () => {
    const host = await picker();
    expect(tabbableDays(host)).to.deep.equal(['Tuesday, March 3, 2 open']);
    expect(dayButtons(host)[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(visible(root(host).querySelector('h3'))).to.equal('Times on Tuesday, March 3');
    expect(shownSlots(host)).to.deep.equal(['9:00 AM', '4:00 PM']);
    expect(names(slotButtons(host))).to.deep.equal([
      'Tuesday, March 3 at 9:00 AM – 9:30 AM Pacific Time',
      'Tuesday, March 3 at 4:00 PM – 4:30 PM Pacific Time',
    ]);
    expect(slotButtons(host).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'false',
      'false',
    ]);
    expect(visible(root(host).querySelector('.times-in'))).to.equal(
      'Times are shown in Pacific Time.',
    );
  });

  it('opens on the selected slot’s day', async () => {
    const host = await picker(
      html`<test-slot-picker-host .selected=${mon9am.start}></test-slot-picker-host>`,
    );
    expect(tabbableDays(host)).to.deep.equal(['Monday, March 9, 1 open']);
    expect(slotButtons(host).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true']);
    expect(names(slotButtons(host))).to.deep.equal([
      'Monday, March 9 at 9:00 AM – 9:30 AM Pacific Time',
    ]);
  });

  it('puts one day and one time in the tab order', async () => {
    const host = await picker(
      html`<test-slot-picker-host .selected=${tue4pm.start}></test-slot-picker-host>`,
    );
    root(host).querySelector('select')!.focus();
    await press(host, 'Tab');
    expect(accessibleName(focused(host))).to.equal('Tuesday, March 3, 2 open');
    await press(host, 'Tab');
    // The selected time, not the first, is the one in the tab order.
    expect(accessibleName(focused(host))).to.equal(
      'Tuesday, March 3 at 4:00 PM – 4:30 PM Pacific Time',
    );
  });

  it('focusDay() moves the focus to the chosen day', async () => {
    const host = await picker();
    host.picker.focusDay();
    await host.updateComplete;
    expect(accessibleName(focused(host))).to.equal('Tuesday, March 3, 2 open');
  });

  it('moves among the days with arrows, Home, End and Page keys, choosing each', async () => {
    const host = await picker();
    host.picker.focusDay();
    await host.updateComplete;
    const at = () => accessibleName(focused(host));

    await press(host, 'ArrowRight');
    expect(at()).to.equal('Wednesday, March 4, 1 open');
    expect(tabbableDays(host)).to.deep.equal(['Wednesday, March 4, 1 open']);
    expect(shownSlots(host)).to.deep.equal(['10:00 AM']);

    await press(host, 'ArrowLeft');
    expect(at()).to.equal('Tuesday, March 3, 2 open');

    await press(host, 'ArrowDown');
    expect(at()).to.equal('Tuesday, March 10, 0 open');
    expect(visible(root(host).querySelector('.nothing'))).to.equal(
      'Nothing is open on Tuesday, March 10.',
    );
    // No week after the horizon's last: the focus stays.
    await press(host, 'ArrowDown');
    expect(at()).to.equal('Tuesday, March 10, 0 open');

    await press(host, 'ArrowUp');
    expect(at()).to.equal('Tuesday, March 3, 2 open');

    await press(host, 'Home');
    expect(at()).to.equal('Monday, March 2, 0 open');
    await press(host, 'ArrowLeft');
    expect(at()).to.equal('Monday, March 2, 0 open');

    await press(host, 'End');
    expect(at()).to.equal('Sunday, March 8, 0 open');

    await press(host, 'PageDown');
    expect(at()).to.equal('Sunday, March 15, 0 open');
    await press(host, 'Home');
    expect(at()).to.equal('Monday, March 9, 1 open');
    expect(shownSlots(host)).to.deep.equal(['9:00 AM']);

    await press(host, 'PageUp');
    expect(at()).to.equal('Monday, March 2, 0 open');

    expect(dayButtons(host).filter((b) => b.tabIndex === 0)).to.have.length(1);
    expect(
      dayButtons(host).filter((b) => b.getAttribute('aria-pressed') === 'true'),
    ).to.have.length(1);
  });

  it('moves among a day’s times with arrows, Home and End, and selects with Enter or Space', async () => {
    const host = await picker(
      html`<test-slot-picker-host
        .slots=${[...allSlots, slot('2026-03-03T12:00:00-08:00')]}
      ></test-slot-picker-host>`,
    );
    slotButtons(host)[0]!.focus();
    const at = () => visible(focused(host));

    await press(host, 'ArrowDown');
    expect(at()).to.equal('12:00 PM');
    await press(host, 'ArrowRight');
    expect(at()).to.equal('4:00 PM');
    await press(host, 'ArrowRight');
    expect(at()).to.equal('4:00 PM');
    await press(host, 'Home');
    expect(at()).to.equal('9:00 AM');
    await press(host, 'End');
    expect(at()).to.equal('4:00 PM');
    await press(host, 'ArrowUp');
    await press(host, 'ArrowLeft');
    expect(at()).to.equal('9:00 AM');
    expect(
      slotButtons(host)
        .filter((b) => b.tabIndex === 0)
        .map(visible),
    ).to.deep.equal(['9:00 AM']);
    // Moving does not select.
    expect(host.selected).to.equal(undefined);

    await press(host, 'Enter');
    expect(host.selected).to.equal(tue9am.start);
    expect(slotButtons(host).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'true',
      'false',
      'false',
    ]);
    await press(host, 'End');
    await press(host, 'Space');
    expect(host.selected).to.equal(tue4pm.start);
    expect(slotButtons(host).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'false',
      'false',
      'true',
    ]);
  });

  it('says when nothing is open on a day, and offers the next open day', async () => {
    const host = await picker();
    dayButtons(host)[4]!.click(); // Friday 6
    await host.updateComplete;
    expect(slotButtons(host)).to.have.length(0);
    expect(visible(root(host).querySelector('h3'))).to.equal('Times on Friday, March 6');
    expect(visible(root(host).querySelector('.nothing'))).to.equal(
      'Nothing is open on Friday, March 6.',
    );
    await expect(host).to.be.accessible();

    const next = root(host).querySelector<HTMLButtonElement>('[part="next-open-day"]')!;
    expect(visible(next)).to.equal('Next open day');
    next.focus();
    await press(host, 'Enter');
    expect(accessibleName(focused(host))).to.equal('Monday, March 9, 1 open');
    expect(tabbableDays(host)).to.deep.equal(['Monday, March 9, 1 open']);
    expect(shownSlots(host)).to.deep.equal(['9:00 AM']);
    expect(root(host).querySelector('[part="next-open-day"]')).to.equal(null);
  });

  it('offers no next open day after the last one', async () => {
    const host = await picker();
    dayButtons(host)[12]!.click(); // Saturday 14, after Friday 13's last slot
    await host.updateComplete;
    expect(visible(root(host).querySelector('.nothing'))).to.equal(
      'Nothing is open on Saturday, March 14.',
    );
    expect(root(host).querySelector('[part="next-open-day"]')).to.equal(null);
  });

  it('says so when nothing is open in the whole horizon', async () => {
    const host = await picker(html`<test-slot-picker-host .slots=${[]}></test-slot-picker-host>`);
    expect(visible(root(host).querySelector('.none'))).to.equal(
      'No times are open in the next two weeks.',
    );
    expect(dayButtons(host)).to.have.length(0);
    expect(root(host).querySelector('select')).to.exist;
    await expect(host).to.be.accessible();
  });

  it('keeps the chosen day when the slots are reloaded (a 409)', async () => {
    const host = await picker();
    dayButtons(host)[2]!.click(); // Wednesday 4
    await host.updateComplete;
    expect(shownSlots(host)).to.deep.equal(['10:00 AM']);
    host.slots = allSlots.filter((s) => s !== wed10am);
    await host.updateComplete;
    expect(tabbableDays(host)).to.deep.equal(['Wednesday, March 4, 0 open']);
    expect(visible(root(host).querySelector('.nothing'))).to.equal(
      'Nothing is open on Wednesday, March 4.',
    );
    host.slots = [...allSlots];
    await host.updateComplete;
    expect(tabbableDays(host)).to.deep.equal(['Wednesday, March 4, 1 open']);
  });

  it('shows the zones in a labelled select and reports a change', async () => {
    const host = await picker(
      html`<test-slot-picker-host .selected=${tue9am.start}></test-slot-picker-host>`,
    );
    const select = root(host).querySelector<HTMLSelectElement>('[part="time-zone"]')!;
    expect(visible(select.labels[0])).to.equal('Time zone');
    expect(select.value).to.equal('America/Los_Angeles');
    expect(select.selectedOptions[0]!.text).to.equal('America/Los Angeles');

    await selectOption({ selector: 'test-slot-picker-host select', value: 'America/New_York' });
    await host.updateComplete;
    expect(host.zonesAsked).to.deep.equal(['America/New_York']);
    expect(visible(root(host).querySelector('.times-in'))).to.equal(
      'Times are shown in Eastern Time.',
    );
    expect(names(slotButtons(host))).to.deep.equal([
      'Tuesday, March 3 at 12:00 PM – 12:30 PM Eastern Time',
      'Tuesday, March 3 at 7:00 PM – 7:30 PM Eastern Time',
    ]);

    // Far enough east, the selected 9 AM Pacific slot is on Wednesday: its day is shown.
    host.zone = 'Asia/Tokyo';
    await host.updateComplete;
    expect(select.value).to.equal('Asia/Tokyo');
    expect(tabbableDays(host)).to.deep.equal(['Wednesday, March 4, 2 open']);
    expect(shownSlots(host)).to.deep.equal(['2:00 AM', '9:00 AM']);
    expect(slotButtons(host).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'true',
      'false',
    ]);
  });

  it('names days and times in Spanish', async () => {
    const host = await picker(
      html`<test-slot-picker-host .locale=${'es'} .strings=${spanish}></test-slot-picker-host>`,
    );
    expect(names(dayButtons(host).slice(0, 2))).to.deep.equal([
      'lunes, 2 de marzo, 0 libres',
      'martes, 3 de marzo, 2 libres',
    ]);
    expect(visible(dayButtons(host)[0])).to.equal('lun 2 mar');
    expect(shownSlots(host)).to.deep.equal(['9:00', '16:00']);
    expect(names(slotButtons(host))).to.deep.equal([
      'martes, 3 de marzo, 9:00–9:30 hora del Pacífico',
      'martes, 3 de marzo, 16:00–16:30 hora del Pacífico',
    ]);
    expect(visible(root(host).querySelector('.times-in'))).to.equal(
      'Los horarios se muestran en hora del Pacífico.',
    );
    await expect(host).to.be.accessible();
  });

  it('fits in 320 px, in both languages', async () => {
    for (const [locale, strings] of [
      ['en', english],
      ['es', spanish],
    ] as const) {
      const host = await picker(
        html`<test-slot-picker-host
          narrow
          .locale=${locale}
          .strings=${strings}
        ></test-slot-picker-host>`,
      );
      const edge = host.getBoundingClientRect().right;
      const targets = [
        ...dayButtons(host),
        ...slotButtons(host),
        root(host).querySelector('select')!,
      ];
      for (const el of [...targets, ...root(host).querySelectorAll('label, p, h3')]) {
        const box = el.getBoundingClientRect();
        expect(box.right, `${locale}: ${visible(el)?.slice(0, 20)}`).to.be.at.most(edge + 0.5);
      }
      for (const el of targets) {
        const box = el.getBoundingClientRect();
        // A3: at least 24 x 24; the times are the step's primary buttons, 44 high.
        expect(box.width, `${locale}: ${visible(el)}`).to.be.at.least(24);
        expect(box.height, `${locale}: ${visible(el)}`).to.be.at.least(44);
      }
      const group = root(host).querySelector('[part="days"]')!;
      expect(group.scrollWidth, locale).to.be.at.most(group.clientWidth);
      // Seven days to a row, as the arrow keys move.
      const tops = new Set(dayButtons(host).map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops.size, locale).to.equal(2);
    }
  });

  describe('in forced colors', () => {
    before(() => emulateMedia({ forcedColors: 'active' } as never));
    after(() => emulateMedia({ forcedColors: 'none' } as never));

    it('marks the chosen day and the selected time with a border, not only a fill', async () => {
      const host = await picker(
        html`<test-slot-picker-host .selected=${tue9am.start}></test-slot-picker-host>`,
      );
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const width = (el: Element) => getComputedStyle(el).borderTopWidth;
      const color = (el: Element) => getComputedStyle(el).borderTopColor;
      const [, tuesday, wednesday] = dayButtons(host);
      const [nine, four] = slotButtons(host);
      expect(width(tuesday!)).to.equal('3px');
      expect(width(wednesday!)).to.equal('1px');
      expect(color(tuesday!)).not.to.equal(color(wednesday!));
      expect(width(nine!)).to.equal('3px');
      expect(width(four!)).to.equal('1px');
      expect(color(nine!)).not.to.equal(color(four!));
      // The chosen day keeps its Highlight fill without the forced text backplate, which
      // would hide its text.
      expect(getComputedStyle(tuesday!).forcedColorAdjust).to.equal('none');
      expect(getComputedStyle(tuesday!).color).not.to.equal(
        getComputedStyle(tuesday!).backgroundColor,
      );
      expect(getComputedStyle(wednesday!).forcedColorAdjust).to.equal('auto');
      // The focus ring shows too.
      tuesday!.focus();
      await press(host, 'ArrowRight');
      expect(getComputedStyle(focused(host)!).outlineStyle).to.equal('solid');
    });
  });
});
