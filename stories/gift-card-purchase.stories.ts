import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/elements/gift-card-purchase/define.js';
import type { GiftCardPurchase } from '../src/elements/gift-card-purchase/gift-card-purchase.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { programVariants } from '../src/mocks/data.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { createMockStore, type MockStore, type MockStoreOptions } from '../src/mocks/store.js';
import { appears, button, expectButton, findButton, textOf } from './support/dom.js';
import { storyMakers, type Lang } from './support/story.js';
import { loaded, loadingDelayMs, settled, slowMs } from './support/timing.js';

interface GiftArgs {
  lang: Lang;
  /** `/api` (the mock backend); empty for the "no api-base" state. */
  apiBase: string;
  mode: 'purchase' | 'balance';
}

/** What a story's loader made in the mock backend, for its play. */
interface Loaded {
  store?: MockStore;
}

type StepKey = 'sessions' | 'who' | 'message' | 'review';

/**
 * The texts a person reads, per locale, written out here: the stories check them in both
 * languages. Literals, never imported from `src/i18n`: a check that reads the translation it
 * checks cannot catch a wrong one.
 */
const says = {
  en: {
    title: 'Give peer support sessions',
    balanceTitle: 'Check a gift card',
    stepsLabel: 'Gift card steps',
    heading: {
      sessions: 'Step 1 of 4: How many sessions would you like to give?',
      who: 'Step 2 of 4: Who is this gift for?',
      message: 'Step 3 of 4: Add a message and choose when it arrives',
      review: 'Step 4 of 4: Check and send your gift',
    },
    stepNames: ['1. Sessions', '2. Who it is for', '3. Message', '4. Review'],
    back: 'Back',
    continue: 'Continue',
    send: 'Send gift',
    fixOther: (n: number) => `${n} answers need your attention.`,
    packages: ['1 session', '3 sessions', '5 sessions'],
    anotherNumber: 'Another number',
    customLabel: 'Number of sessions (1 to 10)',
    lengths: ['30 minutes', '60 minutes'],
    total135: 'Total: $135',
    total175: 'Total: $175',
    sessionsRequired: 'Choose how many sessions to give.',
    lengthRequired: 'Choose a session length.',
    outOfRange: 'Choose a number from 1 to 10.',
    purchaserName: 'Your name',
    purchaserEmail: 'Your email',
    recipientName: 'Their name',
    recipientEmail: 'Their email',
    messageLabel: 'Personal message (optional)',
    dateLabel: 'Delivery date',
    codeLabel: 'Gift card code',
    forMe: 'This gift is for me',
    nameRequired: 'Enter your name.',
    emailRequired: 'Enter your email.',
    emailInvalid: 'Enter an email like name@example.com.',
    recipientNameRequired: 'Enter their name.',
    recipientEmailRequired: 'Enter their email.',
    count: (n: number) => `${n} of 500 characters`,
    onDate: 'On a date',
    inPast: 'Choose today or a later date.',
    summary: ['Sessions', 'Length', 'Total', 'From', 'For', 'Message', 'Delivery'],
    you: 'You',
    today: 'Today',
    change: 'Change',
    changeFor: 'Change: For',
    sentTitle: 'Thank you: your gift is on its way',
    sentNext:
      'Bo Friend will get an email with the gift link today. We will email you when every session has been used.',
    sentNextForMe:
      'You will get an email with the gift link today. We will email you when every session has been used.',
    payNext: 'Payment is next: we are taking you to the checkout.',
    payHost: 'Payment is next.',
    offline: 'You appear to be offline. Check your connection and try again.',
    sendAgain:
      'Nothing you entered is lost. Press “Send gift” to try again: you will not pay twice.',
    check: 'Check',
    active: '3 of 3 sessions left',
    activeLength: 'Length: 60 minutes',
    used: 'This card has been used: no sessions are left.',
    expired: 'This card has expired.',
    pending: 'This card is not active yet: it is waiting for payment or its delivery date.',
    unknown: 'We could not find a card with this code. Check the code and try again.',
    malformed: 'This does not look like a gift card code. It looks like GIFT-DEMO-2026-0003.',
    tooMany: 'Too many tries. Please wait a few minutes and try again.',
    empty: 'Gift cards are not offered by this program.',
    loading: 'Loading…',
    retry: 'Try again',
    loadFailed: 'Something went wrong while loading. Please try again.',
    invalidData: 'We received information we could not read. Please try again later.',
    unavailable: 'This service is not available right now.',
    call988: 'Call 988',
    text988: 'Text 988',
    call911: 'Call 911',
  },
  es: {
    title: 'Regala sesiones de apoyo entre pares',
    balanceTitle: 'Consulta una tarjeta de regalo',
    stepsLabel: 'Pasos de la tarjeta de regalo',
    heading: {
      sessions: 'Paso 1 de 4: ¿Cuántas sesiones quieres regalar?',
      who: 'Paso 2 de 4: ¿Para quién es este regalo?',
      message: 'Paso 3 de 4: Agrega un mensaje y elige cuándo llega',
      review: 'Paso 4 de 4: Revisa y envía tu regalo',
    },
    stepNames: ['1. Sesiones', '2. Para quién', '3. Mensaje', '4. Revisión'],
    back: 'Atrás',
    continue: 'Continuar',
    send: 'Enviar regalo',
    fixOther: (n: number) => `${n} respuestas necesitan tu atención.`,
    packages: ['1 sesión', '3 sesiones', '5 sesiones'],
    anotherNumber: 'Otro número',
    customLabel: 'Número de sesiones (de 1 a 10)',
    lengths: ['30 minutos', '60 minutos'],
    total135: 'Total: $135',
    total175: 'Total: $175',
    sessionsRequired: 'Elige cuántas sesiones quieres regalar.',
    lengthRequired: 'Elige la duración de la sesión.',
    outOfRange: 'Elige un número de 1 a 10.',
    purchaserName: 'Tu nombre',
    purchaserEmail: 'Tu correo electrónico',
    recipientName: 'Nombre de quien lo recibe',
    recipientEmail: 'Correo de quien lo recibe',
    messageLabel: 'Mensaje personal (opcional)',
    dateLabel: 'Fecha de entrega',
    codeLabel: 'Código de la tarjeta de regalo',
    forMe: 'Este regalo es para mí',
    nameRequired: 'Escribe tu nombre.',
    emailRequired: 'Escribe tu correo electrónico.',
    emailInvalid: 'Escribe un correo como nombre@ejemplo.com.',
    recipientNameRequired: 'Escribe el nombre de quien lo recibe.',
    recipientEmailRequired: 'Escribe el correo de quien lo recibe.',
    count: (n: number) => `${n} de 500 caracteres`,
    onDate: 'En una fecha',
    inPast: 'Elige hoy o una fecha posterior.',
    summary: ['Sesiones', 'Duración', 'Total', 'De', 'Para', 'Mensaje', 'Entrega'],
    you: 'Tú',
    today: 'Hoy',
    change: 'Cambiar',
    changeFor: 'Cambiar: Para',
    sentTitle: 'Gracias: tu regalo va en camino',
    sentNext:
      'Bo Friend recibirá un correo con el enlace del regalo hoy. Te escribiremos cuando se hayan usado todas las sesiones.',
    sentNextForMe:
      'Recibirás un correo con el enlace del regalo hoy. Te escribiremos cuando se hayan usado todas las sesiones.',
    payNext: 'Ahora falta el pago: te llevamos a la página de pago.',
    payHost: 'Ahora falta el pago.',
    offline: 'Parece que no tienes conexión. Revisa tu conexión e inténtalo de nuevo.',
    sendAgain:
      'No se perdió nada de lo que escribiste. Presiona “Enviar regalo” para intentarlo de nuevo: no pagarás dos veces.',
    check: 'Consultar',
    active: 'Quedan 3 de 3 sesiones',
    activeLength: 'Duración: 60 minutos',
    used: 'Esta tarjeta ya se usó: no quedan sesiones.',
    expired: 'Esta tarjeta venció.',
    pending: 'Esta tarjeta todavía no está activa: espera el pago o su fecha de entrega.',
    unknown: 'No encontramos ninguna tarjeta con este código. Revísalo e inténtalo de nuevo.',
    malformed: 'Esto no parece un código de tarjeta de regalo. Se ve así: GIFT-DEMO-2026-0003.',
    tooMany: 'Demasiados intentos. Espera unos minutos e inténtalo de nuevo.',
    empty: 'Este programa no ofrece tarjetas de regalo.',
    loading: 'Cargando…',
    retry: 'Intentar de nuevo',
    loadFailed: 'Algo salió mal al cargar. Inténtalo de nuevo.',
    invalidData: 'Recibimos información que no pudimos leer. Inténtalo más tarde.',
    unavailable: 'Este servicio no está disponible en este momento.',
    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    call911: 'Llamar al 911',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

type Says = (typeof says)[Lang];

/** What the purchaser types: no real person's data. */
const buyer = { name: 'Ana Buyer', email: 'ana@example.org' };
const friend = { name: 'Bo Friend', email: 'bo@example.org' };

// ---------------------------------------------------------------------------------------------
// The mock backend.

const API = '/api';

/**
 * A backend of this story's own, in front of the default one: the seeded gift cards with their
 * seeded balances (or `options`'), whatever ran before. The preview's loader resets the handlers
 * before the next story.
 */
function freshStore(options: MockStoreOptions = {}) {
  return async (): Promise<Loaded> => {
    const { worker } = await startMockBackend({ baseUrl: API });
    const store = createMockStore(options);
    worker.use(...createHandlers(store, { baseUrl: API }));
    return { store };
  };
}

// ---------------------------------------------------------------------------------------------
// Reading and answering the element.

const heard = new WeakMap<Element, CustomEvent[]>();
const giftEvents = ['peer-gift-card-purchased', 'peer-payment-required', 'peer-error'] as const;
const heardOf = (el: Element, type: string) => (heard.get(el) ?? []).filter((e) => e.type === type);

function giftElement(args: GiftArgs): HTMLElement {
  const el = document.createElement('gift-card-purchase');
  if (args.apiBase) el.setAttribute('api-base', args.apiBase);
  el.setAttribute('lang', args.lang);
  if (args.mode === 'balance') el.setAttribute('mode', 'balance');
  const log: CustomEvent[] = [];
  heard.set(el, log);
  for (const type of giftEvents) {
    el.addEventListener(type, (event) => {
      log.push(event as CustomEvent);
      // A story page must never navigate away to the (mock) checkout.
      if (type === 'peer-payment-required') event.preventDefault();
    });
  }
  return el;
}

const stepTitle = (root: ShadowRoot) => root.querySelector<HTMLElement>('#step-title');

/** The step `key` is open: its heading says so, the step list marks it. */
async function atStep(root: ShadowRoot, t: Says, key: StepKey): Promise<HTMLElement> {
  const title = await waitFor(() => {
    const found = stepTitle(root);
    if (textOf(found) !== t.heading[key]) throw new Error(`not at the ${key} step yet`);
    return found!;
  }, loaded);
  await expect(title).toBeVisible();
  const steps = root.querySelector('nav')!;
  await expect(steps).toHaveAttribute('aria-label', t.stepsLabel);
  await expect(textOf(steps.querySelector('[aria-current="step"]'))).toBe(
    t.stepNames[['sessions', 'who', 'message', 'review'].indexOf(key)],
  );
  return title;
}

/** The control labelled `label` (its `<label for>`), visible. */
function control<T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, label: string): T {
  const found = [...root.querySelectorAll('label')].find((l) => textOf(l) === label);
  if (!found) throw new Error(`no control labelled "${label}"`);
  return root.getElementById(found.htmlFor) as T;
}

/** A field's error message, by its field's name. */
const fieldError = (root: ShadowRoot, field: string) => root.querySelector(`#${field}-error`);

async function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  if (field.value) {
    await userEvent.tripleClick(field);
    await userEvent.keyboard(value || '{Backspace}');
  } else if (value) await userEvent.type(field, value, { delay: null });
  await userEvent.tab();
}

/** A date input: typed as the browser's picker would set it. */
function setDate(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('blur'));
}

const pressContinue = async (root: ShadowRoot, t: Says) =>
  userEvent.click(await findButton(root, t.continue));

function localDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return new Intl.DateTimeFormat('en-CA').format(d);
}

/** The usual answers, from the sessions step to the review: 3 sessions of 60 minutes. */
async function toReview(root: ShadowRoot, t: Says, forMe = false): Promise<void> {
  await atStep(root, t, 'sessions');
  await userEvent.click(control(root, t.packages[1]));
  await userEvent.click(control(root, t.lengths[1]));
  await pressContinue(root, t);
  await atStep(root, t, 'who');
  await fill(control(root, t.purchaserName), buyer.name);
  await fill(control(root, t.purchaserEmail), buyer.email);
  if (forMe) await userEvent.click(control(root, t.forMe));
  else {
    await fill(control(root, t.recipientName), friend.name);
    await fill(control(root, t.recipientEmail), friend.email);
  }
  await pressContinue(root, t);
  await atStep(root, t, 'message');
  await fill(control<HTMLTextAreaElement>(root, t.messageLabel), 'Thinking of you');
  await pressContinue(root, t);
  await atStep(root, t, 'review');
}

/** What the live region said, at last. */
async function expectAnnounced(root: ShadowRoot, message: string): Promise<void> {
  await waitFor(
    () => expect(textOf(root.querySelector('[role="status"], [aria-live]'))).toBe(message),
    settled,
  );
}

// ---------------------------------------------------------------------------------------------
// The element as a host page writes it.

const meta = {
  title: 'Elements/Gift card purchase',
  component: 'gift-card-purchase',
  tags: ['autodocs'],
  args: { lang: 'en', apiBase: API, mode: 'purchase' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    mode: { control: 'inline-radio', options: ['purchase', 'balance'] },
  },
  render: (args) => giftElement(args),
} satisfies Meta<GiftArgs>;

export default meta;
type Story = StoryObj<GiftArgs>;

/** Stories in one language, or in both: the element found, the crisis line checked at the end. */
const { story, both } = storyMakers<GiftArgs, GiftCardPurchase, Says, Loaded>(
  'gift-card-purchase',
  says,
);

/** The purchase flow, on a backend of the story's own (its gift cards as seeded). */
const flow = { loaders: [freshStore()] };

// ---- Sessions: the program's packages, another number within its limit ----

const sessions = both(flow, async ({ root, t }) => {
  await expect(root.querySelector('h2')).toHaveTextContent(t.title);
  await atStep(root, t, 'sessions');
  for (const label of [...t.packages, t.anotherNumber, ...t.lengths])
    await expect(control(root, label)).toBeVisible();
  await expect(button(root, t.back)).toBeUndefined();
  // Nothing chosen: Continue says what is missing and focuses the first question.
  await pressContinue(root, t);
  await waitFor(() => expect(textOf(fieldError(root, 'sessions'))).toBe(t.sessionsRequired));
  await expect(textOf(fieldError(root, 'lengthMinutes'))).toBe(t.lengthRequired);
  await waitFor(() => expect(root.activeElement).toBe(control(root, t.packages[0])));
  await expectAnnounced(root, t.fixOther(2));
  await userEvent.click(control(root, t.packages[1]));
  await waitFor(() => expect(textOf(root.querySelector('[part="total"]'))).toBe(t.total135));
  await expect(fieldError(root, 'sessions')).toBeNull();
});

export const Sessions = sessions.en;
export const SessionsSpanish = sessions.es;

const anotherNumber = both(flow, async ({ root, t }) => {
  await atStep(root, t, 'sessions');
  await userEvent.click(control(root, t.anotherNumber));
  const number = await waitFor(() => control(root, t.customLabel));
  await expect(number).toBeVisible();
  // Over the program's limit: refused, and Continue stays on this step with the focus there.
  await fill(number, '11');
  await waitFor(() => expect(textOf(fieldError(root, 'sessions'))).toBe(t.outOfRange));
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await userEvent.click(control(root, t.lengths[0]));
  await pressContinue(root, t);
  await atStep(root, t, 'sessions');
  await waitFor(() => expect(root.activeElement).toBe(number));
  // Seven 30-minute sessions at that length's suggested $25.
  await fill(number, '7');
  await waitFor(() => expect(textOf(root.querySelector('[part="total"]'))).toBe(t.total175));
  await expect(fieldError(root, 'sessions')).toBeNull();
  await pressContinue(root, t);
  await atStep(root, t, 'who');
  // Back loses nothing.
  await userEvent.click(button(root, t.back)!);
  await atStep(root, t, 'sessions');
  await expect(control(root, t.customLabel)).toHaveValue(7);
});

export const AnotherNumber = anotherNumber.en;
export const AnotherNumberSpanish = anotherNumber.es;

// ---- Who it is for: errors with focus; "This gift is for me" ----

async function toWho(root: ShadowRoot, t: Says): Promise<void> {
  await atStep(root, t, 'sessions');
  await userEvent.click(control(root, t.packages[0]));
  await userEvent.click(control(root, t.lengths[0]));
  await pressContinue(root, t);
  await atStep(root, t, 'who');
}

const whoErrors = both(flow, async ({ root, t }) => {
  await toWho(root, t);
  await waitFor(() => expect(root.activeElement).toBe(stepTitle(root)));
  await pressContinue(root, t);
  const name = control(root, t.purchaserName);
  await waitFor(() => expect(textOf(fieldError(root, 'purchaserName'))).toBe(t.nameRequired));
  await expect(textOf(fieldError(root, 'purchaserEmail'))).toBe(t.emailRequired);
  await expect(textOf(fieldError(root, 'recipientName'))).toBe(t.recipientNameRequired);
  await expect(textOf(fieldError(root, 'recipientEmail'))).toBe(t.recipientEmailRequired);
  await waitFor(() => expect(root.activeElement).toBe(name));
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name.getAttribute('aria-describedby')).toContain('purchaserName-error');
  await expectAnnounced(root, t.fixOther(4));
  await fill(name, buyer.name);
  await expect(fieldError(root, 'purchaserName')).toBeNull();
  const email = control(root, t.purchaserEmail);
  await fill(email, 'not-an-email');
  await waitFor(() => expect(textOf(fieldError(root, 'purchaserEmail'))).toBe(t.emailInvalid));
  await pressContinue(root, t);
  await waitFor(() => expect(root.activeElement).toBe(email));
  await atStep(root, t, 'who');
});

export const WhoErrors = whoErrors.en;
export const WhoErrorsSpanish = whoErrors.es;

const forMe = both(flow, async ({ root, t }) => {
  await toWho(root, t);
  await expect(control(root, t.recipientName)).toBeVisible();
  await userEvent.click(control(root, t.forMe));
  // Nothing asked about a recipient.
  await waitFor(() => expect(root.querySelector('[name="recipientName"]')).toBeNull());
  await expect(root.querySelector('[name="recipientEmail"]')).toBeNull();
  await fill(control(root, t.purchaserName), buyer.name);
  await fill(control(root, t.purchaserEmail), buyer.email);
  await pressContinue(root, t);
  await atStep(root, t, 'message');
  await pressContinue(root, t);
  await atStep(root, t, 'review');
  const to = [...root.querySelectorAll('[part="summary"] dt')].find(
    (dt) => textOf(dt) === t.summary[4],
  );
  await expect(textOf(to?.nextElementSibling?.querySelector('span'))).toBe(t.you);
});

export const ForMe = forMe.en;
export const ForMeSpanish = forMe.es;

// ---- Message and delivery: the count, a past date refused ----

const message = both(flow, async ({ root, t }) => {
  await toWho(root, t);
  await fill(control(root, t.purchaserName), buyer.name);
  await fill(control(root, t.purchaserEmail), buyer.email);
  await userEvent.click(control(root, t.forMe));
  await pressContinue(root, t);
  await atStep(root, t, 'message');
  const count = root.querySelector('[part="count"]');
  await expect(textOf(count)).toBe(t.count(0));
  const area = control<HTMLTextAreaElement>(root, t.messageLabel);
  await expect(area).toHaveAttribute('maxlength', '500');
  await fill(area, 'Thinking of you');
  await waitFor(() => expect(textOf(count)).toBe(t.count(15)));
  await userEvent.click(control(root, t.onDate));
  const date = await waitFor(() => control(root, t.dateLabel));
  await expect(date).toHaveAttribute('min', localDate(0));
  setDate(date, localDate(-1));
  await waitFor(() => expect(textOf(fieldError(root, 'deliverOn'))).toBe(t.inPast));
  await pressContinue(root, t);
  await atStep(root, t, 'message');
  await waitFor(() => expect(root.activeElement).toBe(date));
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  setDate(date, localDate(10));
  await waitFor(() => expect(fieldError(root, 'deliverOn')).toBeNull());
  await pressContinue(root, t);
  await atStep(root, t, 'review');
});

export const MessageAndDelivery = message.en;
export const MessageAndDeliverySpanish = message.es;

// ---- Review: everything chosen and typed, each with Change ----

const review = both(flow, async ({ root, t }) => {
  await toReview(root, t);
  const summary = root.querySelector('[part="summary"]')!;
  await expect([...summary.querySelectorAll('dt')].map(textOf)).toEqual(t.summary);
  const values = [...summary.querySelectorAll('dd > span')].map(textOf);
  await expect(values).toEqual([
    t.packages[1],
    t.lengths[1],
    '$135',
    `${buyer.name} (${buyer.email})`,
    `${friend.name} (${friend.email})`,
    'Thinking of you',
    t.today,
  ]);
  const changes = [...summary.querySelectorAll('button')];
  await expect(changes.map(textOf)).toEqual(t.summary.map(() => t.change));
  await expectButton(root, t.send);
  // Change: For opens the who step, with what was typed.
  await userEvent.click(changes.find((b) => b.getAttribute('aria-label') === t.changeFor)!);
  await atStep(root, t, 'who');
  await expect(control(root, t.recipientEmail)).toHaveValue(friend.email);
  await pressContinue(root, t);
  await pressContinue(root, t);
  await atStep(root, t, 'review');
});

export const Review = review.en;
export const ReviewSpanish = review.es;

// ---- Confirmation: the gift sent, the events, no navigation ----

const confirmation = both(flow, async ({ el, root, t, found }) => {
  await toReview(root, t);
  await userEvent.click(await findButton(root, t.send));
  const done = await appears(root, '[part="confirmation"]', 'confirmation', settled);
  await expect(textOf(done.querySelector('h3'))).toBe(t.sentTitle);
  await waitFor(() => expect(root.activeElement).toBe(done.querySelector('h3')));
  await expect(done).toHaveTextContent(t.sentNext);
  // The mock's checkout is due; the story cancelled peer-payment-required, so the page stays.
  await expect(done).toHaveTextContent(t.payHost);
  const [purchased] = heardOf(el, 'peer-gift-card-purchased');
  await expect(purchased!.detail).toEqual({ giftCardId: expect.any(String), sessions: 3 });
  const [payment] = heardOf(el, 'peer-payment-required');
  await expect(payment!.defaultPrevented).toBe(true);
  await expect(payment!.detail.giftCardId).toBe(purchased!.detail.giftCardId);
  await expect(payment!.detail.checkoutUrl).toMatch(/^https:\/\//);
  // The store "emailed" the recipient a code; it is in no event.
  const code = await found.store!.emailedCode(purchased!.detail.giftCardId);
  await expect(code).toBeTruthy();
  await expect(JSON.stringify([purchased!.detail, payment!.detail])).not.toContain(code);
  await expect(location.href).not.toContain('checkout');
});

export const Confirmation = confirmation.en;
export const ConfirmationSpanish = confirmation.es;

const confirmationForMe = both(flow, async ({ root, t }) => {
  await toReview(root, t, true);
  await userEvent.click(await findButton(root, t.send));
  const done = await appears(root, '[part="confirmation"]', 'confirmation', settled);
  await expect(done).toHaveTextContent(t.sentNextForMe);
});

export const ConfirmationForMe = confirmationForMe.en;
export const ConfirmationForMeSpanish = confirmationForMe.es;

// ---- A network failure on send: said, nothing lost, Send gift again ----

const sendFails = both(
  // The default backend: a story's own would answer in front of the failure.
  { parameters: { mockScenario: { scenario: 'offline', only: ['purchaseGiftCard'] } } },
  async ({ el, root, t }) => {
    await toReview(root, t);
    await userEvent.click(await findButton(root, t.send));
    const said = `${t.offline} ${t.sendAgain}`;
    await waitFor(
      () => expect(textOf(root.querySelector('form p.field-error'))).toBe(said),
      settled,
    );
    await atStep(root, t, 'review');
    await expect(root.querySelector('[part="summary"]')).toHaveTextContent(friend.name);
    await expect(root.querySelector('[part="summary"]')).toHaveTextContent('Thinking of you');
    await expect(heardOf(el, 'peer-error').length).toBeGreaterThan(0);
    // The connection is back: the same gift goes through.
    const { worker } = await startMockBackend({ baseUrl: API });
    worker.resetHandlers();
    await userEvent.click(await findButton(root, t.send));
    await appears(root, '[part="confirmation"]', 'confirmation', settled);
    await expect(heardOf(el, 'peer-gift-card-purchased').length).toBe(1);
  },
);

export const SendFails = sendFails.en;
export const SendFailsSpanish = sendFails.es;

// ---- Balance: what a card has, or why it cannot be used ----

const balanceArgs = { args: { mode: 'balance' as const } };

async function checkCode(root: ShadowRoot, t: Says, code: string): Promise<void> {
  await expect(root.querySelector('h2')).toHaveTextContent(t.balanceTitle);
  await fill(control(root, t.codeLabel), code);
  await userEvent.click(await findButton(root, t.check));
}

/** A waiting card, bought but not yet paid for. */
const pendingCard: MockStoreOptions = {
  giftCards: [
    {
      code: 'GIFT-WAIT-2026-0001',
      lengthMinutes: 60,
      sessionsTotal: 3,
      sessionsRemaining: 3,
      pending: true,
    },
  ],
};

function balance(
  lang: Lang,
  code: string,
  outcome: 'used' | 'expired' | 'pending' | 'unknown' | 'tooMany',
  extra: Omit<Story, 'play'> = {},
): Story {
  return story(
    lang,
    {
      // Its own backend (the seeded cards), unless the story fails the default one.
      loaders: extra.parameters ? [] : [freshStore(outcome === 'pending' ? pendingCard : {})],
      ...extra,
      ...balanceArgs,
    },
    async ({ root, t }) => {
      await checkCode(root, t, code);
      // What is wrong with the card, under it; what is wrong with the code, on its field.
      const onField = outcome === 'unknown' || outcome === 'tooMany';
      const said = await appears(
        root,
        onField ? '#code-error' : '[part="balance"]',
        'an answer',
        settled,
      );
      await expect(textOf(said)).toBe(t[outcome]);
      if (onField) await expect(control(root, t.codeLabel)).toHaveAttribute('aria-invalid', 'true');
      await expectAnnounced(root, t[outcome]);
    },
  );
}

const active = both({ loaders: [freshStore()], ...balanceArgs }, async ({ el, root, t }) => {
  // Typed as printed, in lower case with spaces: normalized.
  await checkCode(root, t, ' gift-demo-2026-0003 ');
  const shown = await appears(root, '[part="balance"]', 'balance', settled);
  await expect(textOf(shown.querySelector('strong'))).toBe(t.active);
  await expect(shown).toHaveTextContent(t.activeLength);
  await expect(control(root, t.codeLabel)).toHaveValue('GIFT-DEMO-2026-0003');
  // The code goes nowhere but the API.
  await expect(location.href).not.toContain('GIFT');
  await expect(heardOf(el, 'peer-error')).toEqual([]);
});

export const BalanceActive = active.en;
export const BalanceActiveSpanish = active.es;
export const BalanceUsed = balance('en', 'GIFT-USED-2025-0000', 'used');
export const BalanceUsedSpanish = balance('es', 'GIFT-USED-2025-0000', 'used');
export const BalanceExpired = balance('en', 'GIFT-OLD0-2019-0002', 'expired');
export const BalanceExpiredSpanish = balance('es', 'GIFT-OLD0-2019-0002', 'expired');
export const BalancePending = balance('en', 'GIFT-WAIT-2026-0001', 'pending');
export const BalancePendingSpanish = balance('es', 'GIFT-WAIT-2026-0001', 'pending');
export const BalanceUnknown = balance('en', 'GIFT-ZZZZ-2019-0002', 'unknown');
export const BalanceUnknownSpanish = balance('es', 'GIFT-ZZZZ-2019-0002', 'unknown');
const rateLimited = {
  parameters: { mockScenario: { scenario: 'rate-limited', only: ['getGiftCard'] } },
};
export const BalanceTooManyTries = balance('en', 'GIFT-DEMO-2026-0003', 'tooMany', rateLimited);
export const BalanceTooManyTriesSpanish = balance(
  'es',
  'GIFT-DEMO-2026-0003',
  'tooMany',
  rateLimited,
);

const malformedCode = both({ loaders: [freshStore()], ...balanceArgs }, async ({ root, t }) => {
  await checkCode(root, t, 'GIFT-12');
  const input = control(root, t.codeLabel);
  await waitFor(() => expect(textOf(fieldError(root, 'code'))).toBe(t.malformed));
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input.getAttribute('aria-describedby')).toContain('code-error');
  await waitFor(() => expect(root.activeElement).toBe(input));
  await expect(root.querySelector('[part="balance"]')).toBeNull();
});

export const BalanceMalformed = malformedCode.en;
export const BalanceMalformedSpanish = malformedCode.es;

// ---- Loading, failed, no api-base, no gift cards: a clear message and the crisis line ----

const slowProgram = { scenario: 'slow', only: ['getProgram'], delayMs: loadingDelayMs };

const loadingState = both({ parameters: { mockScenario: slowProgram } }, async ({ root, t }) => {
  const loading = root.querySelector('[part="loading"]');
  await expect(loading).toBeVisible();
  await expect(textOf(loading)).toBe(t.loading);
  await expect(root.querySelector('h2')).toHaveTextContent(t.title);
  await expect(root.querySelector('form')).toBeNull();
});

export const Loading = loadingState.en;
export const LoadingSpanish = loadingState.es;

/** A slow backend: "Loading…", then the first step in its place. */
const slowState = both(
  { parameters: { mockScenario: { scenario: 'slow', only: ['getProgram'], delayMs: slowMs } } },
  async ({ root, t }) => {
    await expect(textOf(root.querySelector('[part="loading"]'))).toBe(t.loading);
    await atStep(root, t, 'sessions');
    await expect(root.querySelector('[part="loading"]')).toBeNull();
  },
);

export const Slow = slowState.en;
export const SlowSpanish = slowState.es;

const errorState = both(
  { parameters: { mockScenario: { scenario: 'error', only: ['getProgram'] } } },
  async ({ el, root, t }) => {
    const error = await appears(root, '[part="error"]', 'error state', settled);
    await expect(error).toBeVisible();
    await expect(textOf(error.querySelector('p'))).toBe(t.loadFailed);
    await expect(heardOf(el, 'peer-error').length).toBeGreaterThan(0);
    const retry = await expectButton(error, t.retry);
    // The backend is back: "Try again" loads the program, and the steps open.
    (await startMockBackend({ baseUrl: API })).worker.resetHandlers();
    await userEvent.click(retry);
    await atStep(root, t, 'sessions');
    await expect(root.querySelector('[part="error"]')).toBeNull();
  },
);

// Not `Error`: that would shadow the global in this module.
export const ErrorState: Story = { ...errorState.en, name: 'Error' };
export const ErrorSpanish = errorState.es;

/** The program fails to load (offline, or data that breaks its schema): said, with a retry. */
function programFailure(
  lang: Lang,
  scenario: 'offline' | 'malformed',
  message: 'offline' | 'invalidData',
) {
  return story(
    lang,
    { parameters: { mockScenario: { scenario, only: ['getProgram'] } } },
    async ({ el, root, t }) => {
      const error = await appears(root, '[part="error"]', 'error state', settled);
      await expect(error).toBeVisible();
      await expect(textOf(error.querySelector('p'))).toBe(t[message]);
      await expect(heardOf(el, 'peer-error').length).toBeGreaterThan(0);
      await expectButton(error, t.retry);
      await expect(root.querySelector('form')).toBeNull();
    },
  );
}

export const Offline = programFailure('en', 'offline', 'offline');
export const OfflineSpanish = programFailure('es', 'offline', 'offline');
export const Malformed = programFailure('en', 'malformed', 'invalidData');
export const MalformedSpanish = programFailure('es', 'malformed', 'invalidData');

const unavailable = both({ args: { apiBase: '' } }, async ({ root, t }) => {
  await expect(root.querySelector('h2')).toHaveTextContent(t.title);
  const error = root.querySelector('[part="error"]');
  await expect(error).toBeVisible();
  await expect(textOf(error)).toBe(t.unavailable);
  await expect(root.querySelector('form')).toBeNull();
});

export const NoApiBase = unavailable.en;
export const NoApiBaseSpanish = unavailable.es;

const noGiftCards = both(
  { loaders: [freshStore({ program: programVariants.free })] },
  async ({ root, t }) => {
    const empty = await appears(root, '[part="empty"]', 'empty state', settled);
    await expect(empty).toBeVisible();
    await expect(textOf(empty)).toBe(t.empty);
    await expect(root.querySelector('form')).toBeNull();
  },
);

export const NoGiftCards = noGiftCards.en;
export const NoGiftCardsSpanish = noGiftCards.es;
