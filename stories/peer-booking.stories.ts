import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/elements/peer-booking/define.js';
import type { BookingRequest } from '../src/api/booking-schemas.js';
import type { SessionLength, Slot } from '../src/api/schemas.js';
import type { PeerBooking } from '../src/elements/peer-booking/peer-booking.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { programVariants, referenceProgram, type SupporterRecord } from '../src/mocks/data.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { createMockStore, type MockStore, type MockStoreOptions } from '../src/mocks/store.js';
import { crisisHrefs } from './support/crisis.js';
import {
  appearAll,
  appears,
  button,
  expectButton,
  findButton,
  shadow,
  textOf,
} from './support/dom.js';
import { storyMakers, type Lang } from './support/story.js';
import { loaded, loadingDelayMs, settled, slowMs } from './support/timing.js';

interface BookingArgs {
  lang: Lang;
  /** `/api` (the mock backend); empty for the "no api-base" state. */
  apiBase: string;
  supporterId?: string;
  slotStart?: string;
  lengthMinutes?: SessionLength;
  giftCode?: string;
  bookingId?: string;
  manageToken?: string;
  horizonDays?: number;
}

/** What a story's loader found or made in the mock backend, for its render and play. */
interface Loaded {
  store?: MockStore;
  supporterId?: string;
  supporterName?: string;
  slotStart?: string;
  bookingId?: string;
  manageToken?: string;
}

type StepKey =
  'supporter' | 'session' | 'time' | 'eligibility' | 'about' | 'policies' | 'price' | 'review';

/**
 * The texts a person reads, per locale, written out here: the stories check them in both
 * languages. Literals, never imported from `src/i18n`: a check that reads the translation it
 * checks cannot catch a wrong one.
 */
const says = {
  en: {
    title: 'Book a session with a peer supporter',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}:`,
    titles: {
      supporter: 'Who would you like to talk with?',
      session: 'What kind of session?',
      time: 'Choose a time',
      eligibility: 'Can this program serve you?',
      about: 'About you',
      policies: 'Before you book',
      price: 'Price',
      review: 'Check and send your request',
    },
    stepNames: {
      supporter: 'Supporter',
      session: 'Session',
      time: 'Time',
      eligibility: 'Eligibility',
      about: 'About you',
      policies: 'Agreements',
      price: 'Price',
      review: 'Review',
    },
    stepsLabel: 'Booking steps',
    back: 'Back',
    continue: 'Continue',
    send: 'Send request',
    fixOne: 'One answer needs your attention.',
    fixOther: (n: number) => `${n} answers need your attention.`,

    chooseSupporter: 'Choose a supporter',
    noSupporters: 'No supporters are taking bookings right now. Please check back soon.',
    chooseSupporterRequired: 'Choose a supporter.',
    lengthQuestion: 'How long would you like the session to be?',
    minutes: (n: number) => `${n} minutes`,
    modalityQuestion: 'How would you like to meet?',
    video: 'Video call',
    phone: 'Phone call',
    lengthRequired: 'Choose a session length.',
    modalityRequired: 'Choose how you would like to meet.',

    timeZone: 'Time zone',
    timesInPacific: 'Times are shown in Pacific Time.',
    days: 'Days',
    timesOn: (day: string) => `Open times on ${day}`,
    noSlotsOn: (day: string) => `Nothing is open on ${day}.`,
    nextOpenDay: 'Next open day',
    chosen: (time: string) => `Chosen: ${time}.`,
    slotRequired: 'Choose a time.',
    slotTakenNext:
      'Someone else just booked that time. The next open time is selected instead: check it, then continue.',

    eligibilityIntro: 'We ask only what decides whether this program can serve you.',
    stateQuestion: 'Which state do you live in?',
    chooseState: 'Choose a state',
    otherState: 'Another state, or outside the US',
    california: 'California',
    ageQuestion: 'How old are you?',
    ageRangeQuestion: 'Are you aged 18 to 30?',
    yes: 'Yes',
    ineligibleIntro: 'We’re sorry: this program can’t take your booking.',
    notServed: 'This program serves people who live in California, Oregon, and Washington.',
    outOfRange: 'This program is for people aged 18 to 30.',
    ineligibleCrisis:
      'If you need to talk to someone now, these lines are free, confidential and open all day and night:',
    otherHelp: 'Other places to find support',
    changeAnswers: 'Change my answers',

    name: 'Your name',
    email: 'Email address',
    pronouns: 'Your pronouns (optional)',
    note: 'What would you like to talk about? (optional)',
    nameRequired: 'Enter your name.',
    emailRequired: 'Enter your email address.',
    emailInvalid: 'Enter an email address like name@example.com.',

    policyTitles: [
      'Peer support is not therapy',
      'What stays private',
      'Cancelling and arriving late',
    ],
    agree: [
      'I understand that peer support is not therapy or crisis care.',
      'I understand what is confidential and its limits.',
      'I agree to these terms.',
    ],
    agreeRequired: [
      'Check this box to go on: peer support is not therapy or crisis care.',
      'Check this box to go on: what is confidential and its limits.',
      'Check this box to go on: the cancellation terms.',
    ],
    cancellationTerms:
      'You can cancel free of charge until 24 hours before the session. Later than that, the full fee is due.',

    payWhatYouCan: 'Pay what you can',
    presets: ['$20', '$45 (suggested)', '$70'],
    amount: 'Amount (USD)',
    amountHint: 'The lowest amount is $20.',
    belowMinimum: 'The lowest amount is $20.',
    fixedPrice: 'A session costs $65.',
    moneyBack: 'If you did not love the session, you get your money back.',
    checkoutNote:
      'After you send the request, you pay on the program’s secure checkout page. We never see your card.',
    giftCode: 'Gift code (optional)',
    applyGift: 'Apply code',
    giftCovers3:
      'Your gift covers this session: nothing to pay. The card has 3 sessions left, this one included.',
    giftUsed: 'This gift card has no sessions left. Remove the code to pay the normal price.',
    giftUnknown:
      'We could not find this gift code. Check it, or remove it to pay the normal price.',
    giftExpired: 'This gift card has expired. Remove the code to pay the normal price.',
    giftPending:
      'This gift card is not active yet: it will work once it has been paid and delivered.',

    summary: {
      supporter: 'Supporter',
      session: 'Session',
      time: 'Time',
      eligibility: 'Where you live',
      about: 'About you',
      policies: 'Agreements',
      price: 'Price',
    },
    change: 'Change',
    changeLabel: (what: string) => `Change: ${what}`,
    age: (n: string) => `Age ${n}`,
    ageRange: 'Aged 18 to 30',
    agreed: 'You agreed to each of them.',
    price45: '$45',
    price65: '$65',
    priceFreeBy: 'Free to you: paid by Your campus',
    priceGift: 'Covered by your gift',

    requestedTitle: 'Your request is sent',
    manageTitle: 'Your session',
    nextSteps: [
      'Your supporter will accept the request or suggest another time.',
      'Once they accept, you get an email with how to join.',
      'You are welcome to book with more than one supporter to find the right fit.',
    ],
    waiting: (name: string) => `Waiting for ${name} to accept.`,
    confirmed: (name: string) => `Confirmed with ${name}.`,
    declined: (name: string) =>
      `Sorry, ${name} cannot take this session. Please choose another time or another supporter.`,
    cancelledBySupporter: (name: string) =>
      `Sorry, ${name} had to cancel this session. Nothing is charged. Please book again.`,
    joinLink: 'Join the video session',
    addToCalendar: 'Add to calendar',
    calendarTitle: (name: string) => `Peer support session with ${name}`,
    freeUntil: /^You can cancel or change the time free of charge until .+\.$/,
    feeNow: 'The free cancellation time has passed: cancelling now, the full fee is due.',
    cancel: 'Cancel session',
    reschedule: 'Change the time',
    cancelFree: /^Cancel now and nothing is charged \(free until .+\)\.$/,
    cancelLate: /^Free cancellation ended .+\. If you cancel now, the full fee of \$45 is due\.$/,
    cancelConfirm: 'Yes, cancel the session',
    keepSession: 'Keep my session',
    cancelledFree: 'Your session is cancelled. Nothing is charged.',
    cancelledFeeDue: 'Your session is cancelled. The full fee of $45 is due.',
    rescheduleTitle: 'Choose a new time',
    moveChoose: 'Choose a new time above',
    moveTo: (time: string) => `Move my session to ${time}`,
    moved: (time: string) =>
      `Your session is moved to ${time}. Your supporter will confirm the new time.`,
    keepTime: 'Keep the current time',
    rebookSame: (name: string) => `Choose another time with ${name}`,
    bookAnother: 'Book another supporter',

    loading: 'Loading…',
    retry: 'Try again',
    loadFailed: 'Something went wrong while loading. Please try again.',
    invalidData: 'We received information we could not read. Please try again later.',
    offline: 'You appear to be offline. Check your connection and try again.',
    sendAgain:
      'Nothing you entered is lost. Press “Send request” to try again: you will not be booked twice.',
    unavailable: 'This service is not available right now.',

    call988: 'Call 988',
    text988: 'Text 988',
    call911: 'Call 911',
  },
  es: {
    title: 'Reserva una sesión con un compañero de apoyo',
    stepOf: (n: number, total: number) => `Paso ${n} de ${total}:`,
    titles: {
      supporter: '¿Con quién te gustaría hablar?',
      session: '¿Qué tipo de sesión?',
      time: 'Elige un horario',
      eligibility: '¿Puede atenderte este programa?',
      about: 'Sobre ti',
      policies: 'Antes de reservar',
      price: 'Precio',
      review: 'Revisa y envía tu solicitud',
    },
    stepNames: {
      supporter: 'Compañero',
      session: 'Sesión',
      time: 'Horario',
      eligibility: 'Requisitos',
      about: 'Sobre ti',
      policies: 'Acuerdos',
      price: 'Precio',
      review: 'Revisión',
    },
    stepsLabel: 'Pasos de la reserva',
    back: 'Atrás',
    continue: 'Continuar',
    send: 'Enviar solicitud',
    fixOne: 'Una respuesta necesita tu atención.',
    fixOther: (n: number) => `${n} respuestas necesitan tu atención.`,

    chooseSupporter: 'Elige un compañero de apoyo',
    noSupporters:
      'En este momento ningún compañero de apoyo está aceptando reservas. Vuelve a consultar pronto, por favor.',
    chooseSupporterRequired: 'Elige un compañero de apoyo.',
    lengthQuestion: '¿Cuánto tiempo te gustaría que dure la sesión?',
    minutes: (n: number) => `${n} minutos`,
    modalityQuestion: '¿Cómo te gustaría reunirte?',
    video: 'Videollamada',
    phone: 'Llamada telefónica',
    lengthRequired: 'Elige la duración de la sesión.',
    modalityRequired: 'Elige cómo te gustaría reunirte.',

    timeZone: 'Zona horaria',
    timesInPacific: 'Los horarios se muestran en hora del Pacífico.',
    days: 'Días',
    timesOn: (day: string) => `Horarios disponibles el ${day}`,
    noSlotsOn: (day: string) => `No hay horarios disponibles el ${day}.`,
    nextOpenDay: 'Próximo día disponible',
    chosen: (time: string) => `Horario elegido: ${time}.`,
    slotRequired: 'Elige un horario.',
    slotTakenNext:
      'Alguien acaba de reservar ese horario. Seleccionamos el siguiente horario disponible: revísalo y luego continúa.',

    eligibilityIntro:
      'Solo te preguntamos lo necesario para saber si este programa puede atenderte.',
    stateQuestion: '¿En qué estado vives?',
    chooseState: 'Elige un estado',
    otherState: 'Otro estado, o fuera de EE. UU.',
    california: 'California',
    ageQuestion: '¿Cuántos años tienes?',
    ageRangeQuestion: '¿Tu edad es de 18 a 30 años?',
    yes: 'Sí',
    ineligibleIntro: 'Lo sentimos: este programa no puede aceptar tu reserva.',
    notServed: 'Este programa atiende a personas que viven en California, Oregón y Washington.',
    outOfRange: 'Este programa es para personas de 18 a 30 años.',
    ineligibleCrisis:
      'Si necesitas hablar con alguien ahora, estas líneas son gratuitas, confidenciales y atienden las 24 horas del día:',
    otherHelp: 'Otros lugares donde encontrar apoyo',
    changeAnswers: 'Cambiar mis respuestas',

    name: 'Tu nombre',
    email: 'Correo electrónico',
    pronouns: 'Tus pronombres (opcional)',
    note: '¿De qué te gustaría hablar? (opcional)',
    nameRequired: 'Escribe tu nombre.',
    emailRequired: 'Escribe tu correo electrónico.',
    emailInvalid: 'Escribe un correo electrónico como nombre@example.com.',

    policyTitles: [
      'El apoyo entre pares no es terapia',
      'Lo que queda en privado',
      'Cancelaciones y llegadas tarde',
    ],
    agree: [
      'Entiendo que el apoyo entre pares no es terapia ni atención en crisis.',
      'Entiendo qué es confidencial y cuáles son sus límites.',
      'Acepto estas condiciones.',
    ],
    agreeRequired: [
      'Marca esta casilla para continuar: el apoyo entre pares no es terapia ni atención en crisis.',
      'Marca esta casilla para continuar: qué es confidencial y cuáles son sus límites.',
      'Marca esta casilla para continuar: las condiciones de cancelación.',
    ],
    cancellationTerms:
      'Puedes cancelar sin costo hasta 24 horas antes de la sesión. Después de ese plazo, se cobra la tarifa completa.',

    payWhatYouCan: 'Paga lo que puedas',
    presets: ['$20', '$45 (sugerido)', '$70'],
    amount: 'Monto (USD)',
    amountHint: 'El monto mínimo es $20.',
    belowMinimum: 'El monto mínimo es $20.',
    fixedPrice: 'Una sesión cuesta $65.',
    moneyBack: 'Si la sesión no te gustó, te devolvemos el dinero.',
    checkoutNote:
      'Después de enviar la solicitud, pagas en la página de pago segura del programa. Nunca vemos tu tarjeta.',
    giftCode: 'Código de regalo (opcional)',
    applyGift: 'Aplicar código',
    giftCovers3:
      'Tu regalo cubre esta sesión: no tienes que pagar nada. A la tarjeta le quedan 3 sesiones, contando esta.',
    giftUsed:
      'A esta tarjeta de regalo no le quedan sesiones. Quita el código para pagar el precio normal.',
    giftUnknown:
      'No encontramos este código de regalo. Revísalo, o quítalo para pagar el precio normal.',
    giftExpired: 'Esta tarjeta de regalo venció. Quita el código para pagar el precio normal.',
    giftPending:
      'Esta tarjeta de regalo todavía no está activa: funcionará cuando se haya pagado y entregado.',

    summary: {
      supporter: 'Compañero de apoyo',
      session: 'Sesión',
      time: 'Horario',
      eligibility: 'Dónde vives',
      about: 'Sobre ti',
      policies: 'Acuerdos',
      price: 'Precio',
    },
    change: 'Cambiar',
    changeLabel: (what: string) => `Cambiar: ${what}`,
    age: (n: string) => `${n} años`,
    ageRange: 'Edad: de 18 a 30 años',
    agreed: 'Los aceptaste todos.',
    price45: '$45',
    price65: '$65',
    priceFreeBy: 'Gratis para ti: lo paga Your campus',
    priceGift: 'Cubierto por tu regalo',

    requestedTitle: 'Tu solicitud fue enviada',
    manageTitle: 'Tu sesión',
    nextSteps: [
      'Tu compañero de apoyo aceptará la solicitud o te propondrá otro horario.',
      'Cuando la acepte, recibirás un correo electrónico con cómo unirte.',
      'Puedes reservar con más de un compañero de apoyo hasta encontrar a la persona adecuada para ti.',
    ],
    waiting: (name: string) => `Esperando a que ${name} acepte.`,
    confirmed: (name: string) => `Confirmada con ${name}.`,
    declined: (name: string) =>
      `Lo sentimos, ${name} no puede atender esta sesión. Elige otro horario u otro compañero de apoyo, por favor.`,
    cancelledBySupporter: (name: string) =>
      `Lo sentimos, ${name} tuvo que cancelar esta sesión. No se cobra nada. Por favor, reserva de nuevo.`,
    joinLink: 'Unirte a la videollamada',
    addToCalendar: 'Agregar al calendario',
    calendarTitle: (name: string) => `Sesión de apoyo entre pares con ${name}`,
    freeUntil: /^Puedes cancelar o cambiar el horario sin costo hasta el .+\.$/,
    feeNow:
      'Ya pasó el plazo de cancelación gratuita: si cancelas ahora, se cobra la tarifa completa.',
    cancel: 'Cancelar la sesión',
    reschedule: 'Cambiar el horario',
    cancelFree: /^Cancela ahora y no se cobra nada \(gratis hasta el .+\)\.$/,
    cancelLate:
      /^La cancelación gratuita terminó el .+\. Si cancelas ahora, se cobra la tarifa completa de \$45\.$/,
    cancelConfirm: 'Sí, cancelar la sesión',
    keepSession: 'Mantener mi sesión',
    cancelledFree: 'Tu sesión está cancelada. No se cobra nada.',
    cancelledFeeDue: 'Tu sesión está cancelada. Se cobra la tarifa completa de $45.',
    rescheduleTitle: 'Elige un nuevo horario',
    moveChoose: 'Elige un nuevo horario arriba',
    moveTo: (time: string) => `Cambiar mi sesión al ${time}`,
    moved: (time: string) =>
      `Tu sesión se cambió al ${time}. Tu compañero de apoyo confirmará el nuevo horario.`,
    keepTime: 'Mantener el horario actual',
    rebookSame: (name: string) => `Elige otro horario con ${name}`,
    bookAnother: 'Reservar con otro compañero de apoyo',

    loading: 'Cargando…',
    retry: 'Intentar de nuevo',
    loadFailed: 'Algo salió mal al cargar. Inténtalo de nuevo.',
    invalidData: 'Recibimos información que no pudimos leer. Inténtalo más tarde.',
    offline: 'Parece que no tienes conexión. Revisa tu conexión e inténtalo de nuevo.',
    sendAgain:
      'No se perdió nada de lo que escribiste. Presiona “Enviar solicitud” para intentarlo de nuevo: tu reserva no se hará dos veces.',
    unavailable: 'Este servicio no está disponible en este momento.',

    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    call911: 'Llamar al 911',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

type Says = (typeof says)[Lang];

/** What the seeker types in every journey: no real person's data. */
const seeker = { name: 'Sam Rivera', email: 'sam@example.org', age: '24' };

// ---------------------------------------------------------------------------------------------
// The mock backend.

const API = '/api';

/** The backend the preview started for every story (its default handlers). */
async function defaultStore(): Promise<MockStore> {
  return (await startMockBackend({ baseUrl: API })).store;
}

/**
 * A backend of this story's own, in front of the default one: a program variant, the gift cards
 * with their seeded balances, or hours the story needs. The preview's loader resets the handlers
 * before the next story, so it does not outlive this one.
 */
async function freshStore(options: MockStoreOptions = {}): Promise<MockStore> {
  const { worker } = await startMockBackend({ baseUrl: API });
  const store = createMockStore(options);
  worker.use(...createHandlers(store, { baseUrl: API }));
  return store;
}

const HOUR = 3_600_000;

/** A supporter's open one-hour sessions, from now (or `from`) for two weeks. */
async function slotsOf(store: MockStore, supporterId: string, from?: Date): Promise<Slot[]> {
  const result = await store.listSlots(supporterId, {
    lengthMinutes: 60,
    ...(from
      ? { from: from.toISOString(), to: new Date(from.getTime() + 14 * 24 * HOUR).toISOString() }
      : {}),
  });
  return result.ok ? result.body.slots : [];
}

/**
 * The supporter the journeys book with, found by what the stories need rather than by an id
 * that changes with the seed data: 30 and 60 minutes, video and another way to meet (so the
 * session step asks both questions), certified in California, with open hours.
 */
async function bookable(store: MockStore): Promise<SupporterRecord> {
  for (const s of store.supporters) {
    if (
      s.sessionLengths.includes(30) &&
      s.sessionLengths.includes(60) &&
      s.modalities.includes('video') &&
      s.modalities.length > 1 &&
      s.states.includes('CA') &&
      (await slotsOf(store, s.id)).length >= 4
    ) {
      return s;
    }
  }
  throw new Error('No supporter in the mock data fits the booking stories.');
}

/** A loader: the supporter to book with, from the default backend or a fresh one. */
function withSupporter(options?: MockStoreOptions) {
  return async (): Promise<Loaded> => {
    const store = options ? await freshStore(options) : await defaultStore();
    const supporter = await bookable(store);
    return { store, supporterId: supporter.id, supporterName: supporter.name };
  };
}

/** What a seeker sends for a one-hour video session at `slot`, paying the suggested $45. */
function requestFor(supporterId: string, slot: Slot): BookingRequest {
  return {
    supporterId,
    slotStart: slot.start,
    lengthMinutes: 60,
    modality: 'video',
    seeker: { name: seeker.name, email: seeker.email, state: 'CA', age: Number(seeker.age) },
    policies: { notTherapy: true, cancellation: true, privacy: true },
    payment: { kind: 'sliding-scale', amount: 4500 },
    timeZone: 'America/Los_Angeles',
  };
}

/**
 * A booking made through the store, as another page sent it: the supporter's first open hour
 * from now (or from `from`). Returns the hour and the store's answer.
 */
async function bookInStore(store: MockStore, supporterId: string, from?: Date) {
  const slot = (await slotsOf(store, supporterId, from))[0];
  if (!slot) throw new Error(`${supporterId} has no open hour to book.`);
  return { slot, created: await store.createBooking(requestFor(supporterId, slot)) };
}

/**
 * A loader: a booking made through the store, as if sent earlier, moved on by the supporter's
 * side (`move`: confirm, decline, cancel). Free to cancel unless `late`: it starts at least
 * 26 hours from now, past the 24-hour window.
 */
function withBooking(
  move?: (store: MockStore, bookingId: string) => Promise<boolean>,
  late = false,
) {
  return async (): Promise<Loaded> => {
    const store = late ? await freshStore(await lateOptions()) : await defaultStore();
    const supporter = await bookable(store);
    const from = late ? undefined : new Date(Date.now() + 26 * HOUR);
    const { slot, created } = await bookInStore(store, supporter.id, from);
    if (!created.ok) throw new Error(`The mock refused the booking: ${created.body.error.message}`);
    if (move && !(await move(store, created.body.id)))
      throw new Error('The mock did not move the booking.');
    return {
      store,
      supporterId: supporter.id,
      supporterName: supporter.name,
      slotStart: slot.start,
      bookingId: created.body.id,
      manageToken: created.body.manageToken,
    };
  };
}

/**
 * A backend where the soonest session is a few hours away whatever the time of day and week:
 * the program and one supporter open around the clock, so a booking is always inside the
 * 24-hour window and cancelling it costs the fee, on the store's clock and the page's alike.
 */
async function lateOptions(): Promise<MockStoreOptions> {
  const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '23:59' }));
  const probe = createMockStore();
  const pick = await bookable(probe);
  return {
    program: { ...referenceProgram, hours: { ...referenceProgram.hours, weekly: allWeek } },
    supporters: probe.supporters.map((s) =>
      s.id === pick.id ? { ...s, schedule: { ...s.schedule, weekly: allWeek } } : s,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the element as a person does (the shared part is in ./support/dom.ts).

/** Events the element fired, in order, per element. */
const heard = new WeakMap<Element, Event[]>();

const bookingEvents = [
  'peer-booking-requested',
  'peer-payment-required',
  'peer-booking-cancelled',
  'peer-booking-rescheduled',
  'peer-error',
] as const;

/** The events of `type` the element fired, in order. */
const heardOf = (el: Element, type: (typeof bookingEvents)[number]) =>
  heard.get(el)!.filter((e) => e.type === type) as CustomEvent[];

/** The form control a `<label>` with this text names (labels hold their hint spans too). */
function control<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const found = [...root.querySelectorAll('label')].find((l) => textOf(l) === label);
  const target = found?.htmlFor ? (root as ShadowRoot).getElementById(found.htmlFor) : null;
  if (!target) throw new Error(`no control labelled "${label}"`);
  return target as T;
}

/**
 * Replaces what a text field holds, as a person does: select it all, type over it.
 * (`userEvent.clear` looks for the focus on the document, which a shadow root hides.)
 */
async function retype(input: HTMLInputElement, text: string): Promise<void> {
  await userEvent.tripleClick(input);
  await userEvent.keyboard(text || '{Backspace}');
  await expect(input).toHaveValue(text);
}

/** Types into a text field without pausing between keys (they still arrive one by one). */
async function fill(input: HTMLInputElement, text: string): Promise<void> {
  await userEvent.type(input, text, { delay: null });
  await expect(input).toHaveValue(text);
}

/** The step heading, e.g. "Step 2 of 7: What kind of session?". */
const heading = (el: PeerBooking) => shadow(el).querySelector<HTMLElement>('#step-title');

/** Waits until `step` is open; returns its heading. */
async function atStep(el: PeerBooking, lang: Lang, step: StepKey): Promise<HTMLElement> {
  const title = says[lang].titles[step];
  return waitFor(() => {
    const found = heading(el);
    if (!found || !textOf(found).endsWith(title)) {
      throw new Error(`not at "${title}" (at "${textOf(found)}")`);
    }
    return found;
  }, loaded);
}

/** "Continue" (or "Send request" on the review). */
async function pressContinue(el: PeerBooking, lang: Lang): Promise<void> {
  const t = says[lang];
  const form = shadow(el).querySelector('form[part="step"]')!;
  await userEvent.click(await findButton(form, new RegExp(`^(${t.continue}|${t.send})$`)));
}

/** "Continue", and `step` opens; returns its heading. */
async function continueTo(el: PeerBooking, lang: Lang, step: StepKey): Promise<HTMLElement> {
  await pressContinue(el, lang);
  return atStep(el, lang, step);
}

/** Waits for the page that says the request is sent; returns its heading. */
async function expectSent(el: PeerBooking, t: Says): Promise<HTMLElement> {
  return waitFor(() => {
    const h = heading(el);
    if (textOf(h) !== t.requestedTitle) throw new Error('not sent yet');
    return h!;
  }, settled);
}

/** What the element's one live region says (A4). */
const announced = (el: PeerBooking) => shadow(el).querySelector('[role="status"]');

async function expectAnnounced(el: PeerBooking, text: string | RegExp): Promise<void> {
  await waitFor(() => expect(announced(el)).toHaveTextContent(text), loaded);
}

/** The error text shown under a field (`<p part="field-error">` linked to it). */
function fieldError(root: ParentNode, field: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`#${field}-error`);
}

/** What a booking's status line says, in the manage view. */
const statusOf = (root: ParentNode) => textOf(root.querySelector('[part="status"]'));

/** The review's summary of everything chosen and typed. */
const summary = (root: ParentNode) => root.querySelector('[part="summary"]');

/** Checks the step list: the open step current, the ones before it buttons. */
async function expectStepList(el: PeerBooking, lang: Lang, steps: StepKey[], current: StepKey) {
  const t = says[lang];
  const nav = shadow(el).querySelector('nav');
  await expect(nav).toHaveAttribute('aria-label', t.stepsLabel);
  const items = [...nav!.querySelectorAll('li')];
  await expect(items.map(textOf)).toEqual(steps.map((s, n) => `${n + 1}. ${t.stepNames[s]}`));
  const at = steps.indexOf(current);
  await expect(items[at]).toHaveAttribute('aria-current', 'step');
  for (const item of items.slice(0, at)) await expect(item.querySelector('button')).not.toBeNull();
}

// ---------------------------------------------------------------------------------------------
// The journey, step by step, as a person fills it in.

/** The steps with a supporter given, a sliding-scale price and two lengths and ways to meet. */
const givenSteps: StepKey[] = [
  'session',
  'time',
  'eligibility',
  'about',
  'policies',
  'price',
  'review',
];

/** A free program's: nothing to pay, so no price step. */
const freeSteps = givenSteps.filter((step) => step !== 'price');

/** One hour, by video. */
async function chooseSession(el: PeerBooking, lang: Lang): Promise<void> {
  const t = says[lang];
  const root = shadow(el);
  await waitFor(() => control(root, t.minutes(60)), loaded);
  await userEvent.click(control(root, t.minutes(60)));
  await userEvent.click(control(root, t.video));
  await pressContinue(el, lang);
}

/** The open slot buttons of the chosen day. */
const slotButtons = (root: ParentNode) =>
  appearAll<HTMLButtonElement>(root, '[part~="slot"]', 'open times');

/** Picks the first open time; returns its name ("Tuesday, December 1, 9:00 – 10:00 AM ..."). */
async function chooseTime(el: PeerBooking, lang: Lang): Promise<string> {
  const [slot] = await slotButtons(shadow(el));
  await userEvent.click(slot!);
  await waitFor(() => expect(slot).toHaveAttribute('aria-pressed', 'true'));
  const name = slot!.getAttribute('aria-label')!;
  await expectAnnounced(el, says[lang].chosen(name));
  await pressContinue(el, lang);
  return name;
}

async function answerEligibility(
  el: PeerBooking,
  lang: Lang,
  { state = 'CA', age = seeker.age }: { state?: string; age?: string } = {},
): Promise<void> {
  const t = says[lang];
  const root = shadow(el);
  await userEvent.selectOptions(control<HTMLSelectElement>(root, t.stateQuestion), state);
  const ageField = [...root.querySelectorAll('label')].some((l) => textOf(l) === t.ageQuestion);
  if (ageField) {
    const input = control(root, t.ageQuestion);
    await retype(input, age);
  } else {
    await userEvent.click(control(root, t.yes));
  }
  await pressContinue(el, lang);
}

async function answerAbout(el: PeerBooking, lang: Lang): Promise<void> {
  const t = says[lang];
  const root = shadow(el);
  await fill(control(root, t.name), seeker.name);
  await fill(control(root, t.email), seeker.email);
  await pressContinue(el, lang);
}

async function agreeToPolicies(el: PeerBooking, lang: Lang): Promise<void> {
  const t = says[lang];
  for (const label of t.agree) await userEvent.click(control(shadow(el), label));
  await pressContinue(el, lang);
}

/** The usual answer to each step, up to its "Continue"; the time step's returns the time. */
const usualAnswers: Partial<Record<StepKey, (el: PeerBooking, lang: Lang) => Promise<unknown>>> = {
  session: chooseSession,
  time: chooseTime,
  eligibility: (el, lang) => answerEligibility(el, lang),
  about: answerAbout,
  policies: agreeToPolicies,
  // The suggested amount.
  price: pressContinue,
};

/**
 * Along `steps`, from `from` (the first) to `until`, open when it returns, with the usual
 * answers, each step checked open as it comes. Returns the time chosen on the way, if any.
 */
async function journeyTo(
  el: PeerBooking,
  lang: Lang,
  until: StepKey,
  { steps = givenSteps, from = steps[0]! }: { steps?: StepKey[]; from?: StepKey } = {},
): Promise<string | undefined> {
  const path = steps.slice(steps.indexOf(from), steps.indexOf(until) + 1);
  let time: string | undefined;
  await atStep(el, lang, from);
  for (const [n, step] of path.slice(0, -1).entries()) {
    const answer = usualAnswers[step];
    if (!answer) throw new Error(`no usual answer to the ${step} step`);
    const chosen = await answer(el, lang);
    if (typeof chosen === 'string') time = chosen;
    await atStep(el, lang, path[n + 1]!);
  }
  return time;
}

// ---------------------------------------------------------------------------------------------
// The element as a host page writes it.

function bookingElement(args: BookingArgs, found: Loaded): HTMLElement {
  const el = document.createElement('peer-booking');
  const attributes: Record<string, string | number | undefined> = {
    'api-base': args.apiBase,
    lang: args.lang,
    'supporter-id': args.supporterId ?? found.supporterId,
    'slot-start': args.slotStart,
    'length-minutes': args.lengthMinutes,
    'gift-code': args.giftCode,
    'booking-id': args.bookingId ?? found.bookingId,
    'manage-token': args.manageToken ?? found.manageToken,
    'horizon-days': args.horizonDays,
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== '') el.setAttribute(name, String(value));
  }
  const log: Event[] = [];
  heard.set(el, log);
  for (const type of bookingEvents) {
    el.addEventListener(type, (event) => {
      log.push(event);
      // A story page must never navigate away to the (mock) checkout.
      if (type === 'peer-payment-required') event.preventDefault();
    });
  }
  return el;
}

const meta = {
  title: 'Elements/Peer booking',
  component: 'peer-booking',
  tags: ['autodocs'],
  args: { lang: 'en', apiBase: API },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    lengthMinutes: { control: 'select', options: [undefined, 30, 60] },
  },
  render: (args, { loaded: found }) => bookingElement(args, found as Loaded),
} satisfies Meta<BookingArgs>;

export default meta;
type Story = StoryObj<BookingArgs>;

/** Stories in one language, or in both: the element found, the crisis line checked at the end. */
const { story, both } = storyMakers<BookingArgs, PeerBooking, Says, Loaded>('peer-booking', says);

/** The journey's loader: a supporter to book with (`options`: on a backend of the story's own). */
const flow = (options?: MockStoreOptions) => ({ loaders: [withSupporter(options)] });

// ---- Supporter: the chooser, when neither the attribute nor a provider names one ----

const chooser = both({}, async ({ el, root, lang, t }) => {
  await expect(root.querySelector('h2')).toHaveTextContent(t.title);
  const title = await atStep(el, lang, 'supporter');
  await expect(textOf(title)).toBe(`${t.stepOf(1, 8)} ${t.titles.supporter}`);
  const fieldset = await appears(root, 'fieldset', 'chooser');
  await expect(fieldset.querySelector('legend')).toHaveTextContent(t.chooseSupporter);
  const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  // The element's own short list: a dozen, each a labelled radio with the supporter's name.
  await expect(radios.length).toBe(12);
  const store = await defaultStore();
  const nameOf = (radio: HTMLInputElement) =>
    textOf(root.querySelector(`label[for="${radio.id}"]`)).replace(/ \(.*\)$/, '');
  const names = new Set(store.supporters.map((s) => s.name));
  for (const radio of radios.slice(0, 3)) await expect(names.has(nameOf(radio))).toBe(true);
  // Continue without a choice: the question says what is missing, and takes focus.
  await pressContinue(el, lang);
  await waitFor(() =>
    expect(fieldError(root, 'supporterId')).toHaveTextContent(t.chooseSupporterRequired),
  );
  await expectAnnounced(el, t.fixOne);
  await waitFor(() => expect(root.activeElement).toBe(radios[0]));
  // One who offers two lengths or two ways to meet: the session step comes next.
  const choice = radios.find((r) => {
    const s = store.supporters.find((x) => x.name === nameOf(r));
    return s && (s.sessionLengths.length > 1 || s.modalities.length > 1);
  });
  await expect(choice, 'a supporter with a choice of session').toBeDefined();
  await userEvent.click(choice!);
  await pressContinue(el, lang);
  await waitFor(
    () => expect(textOf(heading(el))).toMatch(new RegExp(`^${t.stepOf(2, 8)}`)),
    loaded,
  );
  await expectStepList(el, lang, ['supporter', ...givenSteps], 'session');
});

export const Chooser = chooser.en;
export const ChooserSpanish = chooser.es;

/** Nobody to choose: the chooser says so (and no form to fill in); the crisis line stays. */
const noSupporters = both(
  { parameters: { mockScenario: { scenario: 'empty', only: ['listSupporters'] } } },
  async ({ el, root, lang, t }) => {
    await atStep(el, lang, 'supporter');
    const empty = await appears(root, '[part="empty"]', 'empty chooser', settled);
    await expect(empty).toBeVisible();
    await expect(textOf(empty)).toBe(t.noSupporters);
    await expect(root.querySelector('input[type="radio"]')).toBeNull();
  },
);

export const NoSupporters = noSupporters.en;
export const NoSupportersSpanish = noSupporters.es;

// ---- Session: length and way of meeting; nothing chosen for the person ----

const session = both(flow(), async ({ el, root, lang, t }) => {
  const title = await atStep(el, lang, 'session');
  await expect(textOf(title)).toBe(`${t.stepOf(1, 7)} ${t.titles.session}`);
  await expectStepList(el, lang, givenSteps, 'session');
  const legends = [...root.querySelectorAll('form legend')].map(textOf);
  await expect(legends).toEqual([t.lengthQuestion, t.modalityQuestion]);
  for (const label of [t.minutes(30), t.minutes(60), t.video, t.phone]) {
    const radio = await waitFor(() => control(root, label), loaded);
    await expect(radio).toHaveAttribute('type', 'radio');
    await expect(radio).not.toBeChecked();
  }
  // Continue with nothing chosen: both questions say so, the first takes focus.
  await pressContinue(el, lang);
  await waitFor(() =>
    expect(fieldError(root, 'lengthMinutes')).toHaveTextContent(t.lengthRequired),
  );
  await expect(fieldError(root, 'modality')).toHaveTextContent(t.modalityRequired);
  await expectAnnounced(el, t.fixOther(2));
  await waitFor(() => expect(root.activeElement).toBe(control(root, t.minutes(30))));
  await userEvent.click(control(root, t.minutes(60)));
  await userEvent.click(control(root, t.video));
  await waitFor(() => expect(fieldError(root, 'lengthMinutes')).toBeNull());
  // Focus moves to the new step's heading (A2).
  const next = await continueTo(el, lang, 'time');
  await waitFor(() => expect(root.activeElement).toBe(next));
});

export const Session = session.en;
export const SessionSpanish = session.es;

// ---- Time: days of the horizon, a day with nothing open, the time zone ----

const time = both(flow(), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'time');
  await slotButtons(root);
  const days = root.querySelector('[part="days"]')!;
  await expect(days).toHaveAttribute('role', 'group');
  await expect(days).toHaveAttribute('aria-label', t.days);
  // The first open day is chosen, its times listed under "Open times on …".
  const chosenDay = () => days.querySelector<HTMLButtonElement>('[aria-pressed="true"]')!;
  const dayName = (day: Element) => textOf(day.querySelector('.vh')).replace(/,$/, '');
  await expect(chosenDay().getAttribute('part')).toContain('day-open');
  await expect(root.querySelector('#slot-picker-times')).toHaveTextContent(
    t.timesOn(dayName(chosenDay())),
  );

  // A day with nothing open (the program is closed at weekends): said, with a way on.
  const closed = days.querySelector<HTMLButtonElement>('[part~="day"]:not([part~="day-open"])');
  await expect(closed, 'a day with nothing open in the horizon').not.toBeNull();
  await userEvent.click(closed!);
  await waitFor(() => expect(closed).toHaveAttribute('aria-pressed', 'true'));
  const nothing = root.querySelector('.times .nothing');
  await expect(nothing).toBeVisible();
  await expect(textOf(nothing)).toBe(t.noSlotsOn(dayName(closed!)));
  await expect(root.querySelector('[part~="slot"]')).toBeNull();
  await userEvent.click(await findButton(root, t.nextOpenDay));
  await waitFor(() => expect(chosenDay()).not.toBe(closed));
  await expect(chosenDay().getAttribute('part')).toContain('day-open');
  await expect(Number(chosenDay().dataset['index'])).toBeGreaterThan(
    Number(closed!.dataset['index']),
  );
  await waitFor(() => expect(root.activeElement).toBe(chosenDay()));
  await slotButtons(root);

  // The zone: the seeker's own to begin with, and theirs to change.
  const zone = control<HTMLSelectElement>(root, t.timeZone);
  await expect(zone).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
  await userEvent.selectOptions(zone, 'America/Los_Angeles');
  await waitFor(() => expect(root.querySelector('.times-in')).toHaveTextContent(t.timesInPacific));
  await expect(zone).toHaveValue('America/Los_Angeles');

  // Continue without a time: the step says so.
  await pressContinue(el, lang);
  await waitFor(() => expect(fieldError(root, 'slotStart')).toHaveTextContent(t.slotRequired));
  await journeyTo(el, lang, 'eligibility', { from: 'time' });
});

export const Time = time.en;
export const TimeSpanish = time.es;

// ---- Eligibility: the state, and the age only as the program asks it ----

const eligibility = both(flow(), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'eligibility');
  await expect(root.querySelector('form')).toHaveTextContent(t.eligibilityIntro);
  const state = control<HTMLSelectElement>(root, t.stateQuestion);
  await expect(state).toHaveAttribute('autocomplete', 'address-level1');
  const options = [...state.options].map((o) => textOf(o));
  await expect(options[0]).toBe(t.chooseState);
  await expect(options).toContain(t.california);
  await expect(options.at(-1)).toBe(t.otherState);
  const age = control(root, t.ageQuestion);
  await expect(age).toHaveAttribute('inputmode', 'numeric');
  await journeyTo(el, lang, 'about', { from: 'eligibility' });
});

export const Eligibility = eligibility.en;
export const EligibilitySpanish = eligibility.es;

/** Someone the program cannot serve: told why, kindly, with the crisis lines and other help. */
function ineligible(
  lang: Lang,
  answer: { state?: string; age?: string },
  reason: keyof Says,
): Story {
  return story(lang, flow(), async ({ el, root, t }) => {
    await journeyTo(el, lang, 'eligibility');
    await answerEligibility(el, lang, answer);
    const panel = await appears(root, '[part="ineligible"]', 'ineligible panel');
    await expect(panel).toBeVisible();
    const paragraphs = [...panel.querySelectorAll(':scope > p')].map(textOf);
    await expect(paragraphs[0]).toBe(t.ineligibleIntro);
    await expect(paragraphs).toContain(t.ineligibleCrisis);
    await expect([...panel.querySelectorAll('li')].map(textOf)).toEqual([t[reason]]);
    await expectAnnounced(el, t.ineligibleIntro);
    // The crisis lines in the panel itself, not only at the top.
    const hrefs = [...panel.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    await expect(hrefs).toEqual(expect.arrayContaining([...crisisHrefs]));
    const other = [...panel.querySelectorAll('a')].find((a) => textOf(a) === t.otherHelp);
    await expect(other, `a "${t.otherHelp}" link`).toBeDefined();
    await expect(other).toHaveAttribute('href', 'https://support.example.org/other-help');
    // Nothing can be sent from here; the answers can be changed.
    await expect(button(root, t.continue)).toBeUndefined();
    await userEvent.click(await findButton(panel, t.changeAnswers));
    await waitFor(() => expect(root.querySelector('[part="ineligible"]')).toBeNull());
    await expect(control(root, t.stateQuestion)).toBeVisible();
  });
}

export const IneligibleState = ineligible('en', { state: 'other' }, 'notServed');
export const IneligibleStateSpanish = ineligible('es', { state: 'other' }, 'notServed');
export const IneligibleAge = ineligible('en', { age: '40' }, 'outOfRange');
export const IneligibleAgeSpanish = ineligible('es', { age: '40' }, 'outOfRange');

// ---- About you: errors shown on Continue, focus on the first that needs attention ----

const aboutErrors = both(flow(), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'about');
  const name = control(root, t.name);
  const email = control(root, t.email);
  await expect(name).toHaveAttribute('autocomplete', 'name');
  await expect(email).toHaveAttribute('autocomplete', 'email');
  await expect(control(root, t.pronouns)).not.toBeRequired();
  await expect(control(root, t.note)).toBeVisible();
  // Nothing shown before the person tried to go on.
  await expect(fieldError(root, 'name')).toBeNull();
  await pressContinue(el, lang);
  await waitFor(() => expect(fieldError(root, 'name')).toHaveTextContent(t.nameRequired));
  await expect(fieldError(root, 'email')).toHaveTextContent(t.emailRequired);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name.getAttribute('aria-describedby')).toContain('name-error');
  await expectAnnounced(el, t.fixOther(2));
  await waitFor(() => expect(root.activeElement).toBe(name));
  // A wrong address is named as such; fixing both lets the person on.
  await userEvent.type(name, seeker.name);
  await userEvent.type(email, 'sam@');
  await pressContinue(el, lang);
  await waitFor(() => expect(fieldError(root, 'email')).toHaveTextContent(t.emailInvalid));
  await waitFor(() => expect(root.activeElement).toBe(email));
  await expect(fieldError(root, 'name')).toBeNull();
  await userEvent.type(email, 'example.org');
  await continueTo(el, lang, 'policies');
});

export const AboutYouErrors = aboutErrors.en;
export const AboutYouErrorsSpanish = aboutErrors.es;

// ---- Policies: three agreements in plain words, each a checkbox ----

const policies = both(flow(), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'policies');
  const parts = [...root.querySelectorAll('[part="policy"]')];
  await expect(parts.map((p) => textOf(p.querySelector('h4')))).toEqual([...t.policyTitles]);
  await expect(parts[2]).toHaveTextContent(t.cancellationTerms);
  for (const label of t.agree) {
    const box = control(root, label);
    await expect(box).toHaveAttribute('type', 'checkbox');
    await expect(box).not.toBeChecked();
  }
  await pressContinue(el, lang);
  const fields = ['notTherapy', 'privacy', 'cancellation'];
  for (const [n, field] of fields.entries()) {
    await waitFor(() => expect(fieldError(root, field)).toHaveTextContent(t.agreeRequired[n]!));
  }
  await expectAnnounced(el, t.fixOther(3));
  await waitFor(() => expect(root.activeElement).toBe(control(root, t.agree[0])));
  await journeyTo(el, lang, 'price', { from: 'policies' });
});

export const Policies = policies.en;
export const PoliciesSpanish = policies.es;

// ---- Price: pay what you can, fixed, free, or a gift code ----

const slidingScale = both(flow(), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'price');
  const fieldset = root.querySelector('fieldset.amounts')!;
  await expect(fieldset.querySelector('legend')).toHaveTextContent(t.payWhatYouCan);
  const presets = [...fieldset.querySelectorAll('.presets button')];
  const pressed = () => presets.map((b) => b.getAttribute('aria-pressed'));
  await expect(presets.map(textOf)).toEqual([...t.presets]);
  // The suggestion is chosen for the person: never an empty amount to invent.
  await expect(pressed()).toEqual(['false', 'true', 'false']);
  const amount = control(root, t.amount);
  await expect(amount).toHaveValue('45');
  await expect(root.querySelector('#amount-hint')).toHaveTextContent(t.amountHint);
  await expect(root.querySelector('form')).toHaveTextContent(t.checkoutNote);
  // Too low: the minimum is said under the field, which takes focus.
  await retype(amount, '5');
  await expect(pressed()).toEqual(['false', 'false', 'false']);
  await pressContinue(el, lang);
  await waitFor(() => expect(textOf(fieldError(root, 'amount'))).toBe(t.belowMinimum));
  await waitFor(() => expect(root.activeElement).toBe(amount));
  await expectAnnounced(el, t.fixOne);
  // A preset puts its amount in the field.
  await userEvent.click(presets[0]!);
  await waitFor(() => expect(amount).toHaveValue('20'));
  await expect(presets[0]).toHaveAttribute('aria-pressed', 'true');
  await waitFor(() => expect(fieldError(root, 'amount')).toBeNull());
  await continueTo(el, lang, 'review');
});

export const PriceSlidingScale = slidingScale.en;
export const PriceSlidingScaleSpanish = slidingScale.es;

/** A program with one price: said in words, with its guarantee; no amount to type. */
const fixedPrice = both(flow({ program: programVariants.fixed }), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'price');
  const form = root.querySelector('form')!;
  const lines = [...form.querySelectorAll(':scope > p')].map(textOf);
  await expect(lines).toContain(t.fixedPrice);
  await expect(lines).toContain(t.moneyBack);
  await expect(form.querySelector('fieldset.amounts')).toBeNull();
  await expect(control(root, t.giftCode)).toBeVisible();
  await continueTo(el, lang, 'review');
  await expect(summary(root)).toHaveTextContent(t.price65);
});

export const PriceFixed = fixedPrice.en;
export const PriceFixedSpanish = fixedPrice.es;

/** A free program: no price step; the age asked as a yes or no; the sponsor named. */
const free = both(flow({ program: programVariants.free }), async ({ el, root, lang, t }) => {
  await journeyTo(el, lang, 'eligibility', { steps: freeSteps });
  const fieldset = [...root.querySelectorAll('fieldset')].find(
    (f) => textOf(f.querySelector('legend')) === t.ageRangeQuestion,
  );
  await expect(fieldset, `"${t.ageRangeQuestion}"`).toBeDefined();
  await expect([...root.querySelectorAll('label')].map(textOf)).not.toContain(t.ageQuestion);
  await journeyTo(el, lang, 'review', { steps: freeSteps, from: 'eligibility' });
  await expectStepList(el, lang, freeSteps, 'review');
  await expect(textOf(heading(el))).toBe(`${t.stepOf(6, 6)} ${t.titles.review}`);
  await expect(summary(root)).toHaveTextContent(t.priceFreeBy);
  await expect(summary(root)).toHaveTextContent(t.ageRange);
  // Nothing to pay: no checkout, so no peer-payment-required.
  await pressContinue(el, lang);
  await expectSent(el, t);
  const types = heard.get(el)!.map((e) => e.type);
  await expect(types).toContain('peer-booking-requested');
  await expect(types).not.toContain('peer-payment-required');
});

export const Free = free.en;
export const FreeSpanish = free.es;

/** A gift code typed at the price step and checked with "Apply code". */
function giftCode(
  lang: Lang,
  code: string,
  outcome: 'covers' | keyof Says,
  options: MockStoreOptions = {},
): Story {
  // Its own backend: the seeded cards with their seeded balances, whatever ran before.
  return story(lang, flow(options), async ({ el, root, t }) => {
    await journeyTo(el, lang, 'price');
    const field = control(root, t.giftCode);
    // As printed on the card, typed in lower case: the element normalizes it.
    await fill(field, code.toLowerCase());
    await userEvent.click(await findButton(root, t.applyGift));
    if (outcome === 'covers') {
      const notice = await appears(root, '[part="gift"]', 'gift notice');
      await expect(textOf(notice)).toBe(t.giftCovers3);
      await expectAnnounced(el, t.giftCovers3);
      // Nothing to pay: no amount, no checkout.
      await expect(root.querySelector('fieldset.amounts')).toBeNull();
      await expect(root.querySelector('form')).not.toHaveTextContent(t.checkoutNote);
      await continueTo(el, lang, 'review');
      await expect(summary(root)).toHaveTextContent(t.priceGift);
      return;
    }
    const message = t[outcome] as string;
    await waitFor(() => expect(textOf(fieldError(root, 'giftCode'))).toBe(message), loaded);
    await expectAnnounced(el, message);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(root.querySelector('[part="gift"]')).toBeNull();
    // The normal price still stands; the person can remove the code and go on.
    await expect(control(root, t.amount)).toHaveValue('45');
    await retype(field, '');
    await continueTo(el, lang, 'review');
    await expect(summary(root)).toHaveTextContent(t.price45);
  });
}

export const GiftCodeActive = giftCode('en', 'GIFT-DEMO-2026-0003', 'covers');
export const GiftCodeActiveSpanish = giftCode('es', 'GIFT-DEMO-2026-0003', 'covers');
export const GiftCodeUsed = giftCode('en', 'GIFT-USED-2025-0000', 'giftUsed');
export const GiftCodeUsedSpanish = giftCode('es', 'GIFT-USED-2025-0000', 'giftUsed');
export const GiftCodeUnknown = giftCode('en', 'GIFT-NONE-0000-0000', 'giftUnknown');
export const GiftCodeUnknownSpanish = giftCode('es', 'GIFT-NONE-0000-0000', 'giftUnknown');
export const GiftCodeExpired = giftCode('en', 'GIFT-OLD0-2019-0002', 'giftExpired');
export const GiftCodeExpiredSpanish = giftCode('es', 'GIFT-OLD0-2019-0002', 'giftExpired');
/** A card bought but not yet paid for (the backend's `pending`). */
const waiting: MockStoreOptions = {
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
export const GiftCodePending = giftCode('en', 'GIFT-WAIT-2026-0001', 'giftPending', waiting);
export const GiftCodePendingSpanish = giftCode('es', 'GIFT-WAIT-2026-0001', 'giftPending', waiting);

// ---- Review: everything chosen and typed, each with a way back to change it ----

/** The review's rows: label → the row. */
function summaryRows(el: PeerBooking): Map<string, HTMLElement> {
  const rows = [...shadow(el).querySelectorAll<HTMLElement>('[part="summary"] .row')];
  return new Map(rows.map((row) => [textOf(row.querySelector('dt')), row]));
}

/** The lines a review row shows. */
const linesOf = (row: Element | undefined) =>
  [...(row?.querySelectorAll('.line') ?? [])].map(textOf);

const review = both(flow(), async ({ el, root, lang, t, found }) => {
  const time = await journeyTo(el, lang, 'review');
  await expectStepList(el, lang, givenSteps, 'review');
  const rows = summaryRows(el);
  const s = t.summary;
  await expect([...rows.keys()]).toEqual([
    s.supporter,
    s.session,
    s.time,
    s.eligibility,
    s.about,
    s.policies,
    s.price,
  ]);
  const lines = (label: string) => linesOf(rows.get(label));
  await waitFor(() => expect(lines(s.supporter)).toEqual([found.supporterName]));
  await expect(lines(s.session)).toEqual([t.minutes(60), t.video]);
  await expect(lines(s.time)).toEqual([time]);
  await expect(lines(s.eligibility)).toEqual([t.california, t.age(seeker.age)]);
  await expect(lines(s.about)).toEqual([seeker.name, seeker.email]);
  await expect(lines(s.policies)).toEqual([t.agreed]);
  await expect(lines(s.price)).toEqual([t.price45]);
  // Every row has its Change button, named after what it changes; but the supporter, whom
  // the page chose (`supporter-id`): there is no step to change it in.
  for (const [label, row] of rows) {
    const change = button(row, t.change);
    if (label === s.supporter) {
      await expect(change, `no "${t.change}" for ${label}`).toBeUndefined();
      continue;
    }
    await expect(change, `"${t.change}" for ${label}`).toBeDefined();
    await expect(change).toHaveAccessibleName(t.changeLabel(label));
  }
  await expect(button(root, t.send)).toBeVisible();

  // Change: back to that step with the answers kept; Continue returns to the review.
  await userEvent.click(button(rows.get(s.about)!, t.change)!);
  await atStep(el, lang, 'about');
  await expect(control(root, t.name)).toHaveValue(seeker.name);
  await userEvent.type(control(root, t.pronouns), 'they/them');
  await continueTo(el, lang, 'review');
  await expect(linesOf(summaryRows(el).get(s.about))).toEqual([
    seeker.name,
    seeker.email,
    'they/them',
  ]);
});

export const Review = review.en;
export const ReviewSpanish = review.es;

// ---- Sent: the request received; the checkout hand-off cancelled by the host (the story) ----

const sent = both(flow(), async ({ el, root, lang, t, found }) => {
  await journeyTo(el, lang, 'review');
  await pressContinue(el, lang);
  const title = await expectSent(el, t);
  await expect(title).toBeVisible();
  // Focus on the result's heading (A2): the clicked button is gone.
  await waitFor(() => expect(root.activeElement).toBe(title));
  const manage = root.querySelector('[part="manage"]')!;
  await waitFor(() => expect(statusOf(manage)).toBe(t.waiting(found.supporterName!)));
  await expect([...manage.querySelectorAll('ul.next li')].map(textOf)).toEqual([...t.nextSteps]);
  await expectAnnounced(el, t.requestedTitle);
  for (const label of [t.cancel, t.reschedule, t.bookAnother]) {
    await expect(button(manage, label)).toBeVisible();
  }

  // The host page heard of it, with ids and times only, and kept the seeker on the page.
  const [requested] = heardOf(el, 'peer-booking-requested');
  await expect(requested!.detail).toMatchObject({ status: 'requested', durationMinutes: 60 });
  const [payment] = heardOf(el, 'peer-payment-required');
  await expect(payment, 'peer-payment-required').toBeDefined();
  await expect(payment!.detail.bookingId).toBe(requested!.detail.bookingId);
  await expect(payment!.detail.checkoutUrl).toMatch(/^https:\/\//);
  await expect(payment!.defaultPrevented).toBe(true);
  for (const event of [requested!, payment!]) {
    const detail = JSON.stringify(event.detail);
    await expect(detail).not.toContain(seeker.email);
    await expect(detail).not.toContain(seeker.name);
  }
  await expect(location.href).not.toContain('checkout');
});

export const Sent = sent.en;
export const SentSpanish = sent.es;

// ---- Slot taken: someone else booked the time meanwhile (409) ----

/** The time a review shows. */
const reviewTime = (el: PeerBooking, t: Says) =>
  textOf(summaryRows(el).get(t.summary.time)!.querySelector('.line'));

// A fresh backend, so the review's hour is the supporter's first open one.
const slotTaken = both(flow({}), async ({ el, root, lang, t, found }) => {
  await journeyTo(el, lang, 'review');
  const before = reviewTime(el, t);
  // Another seeker books the very same hour while this one reads the review.
  const taken = (await bookInStore(found.store!, found.supporterId!)).created;
  await expect(taken.ok, 'the hour on the review, booked by someone else').toBe(true);
  await pressContinue(el, lang);
  // Back at the time step, told so, with the next open time chosen instead (R4).
  await atStep(el, lang, 'time');
  await waitFor(() => expect(textOf(fieldError(root, 'slotStart'))).toBe(t.slotTakenNext), settled);
  await expectAnnounced(el, t.slotTakenNext);
  const selected = await appears<HTMLButtonElement>(
    root,
    '[part~="slot-selected"]',
    'time selected',
  );
  await expect(selected).toHaveAttribute('aria-pressed', 'true');
  await expect(selected.getAttribute('aria-label')).not.toBe(before);
  // Nothing typed is lost: Continue goes straight back to the review, which sends.
  await continueTo(el, lang, 'review');
  await expect(reviewTime(el, t)).toBe(selected.getAttribute('aria-label'));
  await expect(summaryRows(el).get(t.summary.about)).toHaveTextContent(seeker.email);
  await pressContinue(el, lang);
  await expectSent(el, t);
});

export const SlotTaken = slotTaken.en;
export const SlotTakenSpanish = slotTaken.es;

// ---- Network failure on submit: said plainly; "Send request" again keeps everything ----

function networkFailure(lang: Lang): Story {
  const keys: string[] = [];
  let down = true;
  /**
   * A loader: `POST /bookings` offline while `down`, each try's Idempotency-Key kept; once
   * back, the default backend answers.
   */
  const offlineBookings = async () => {
    keys.length = 0;
    down = true;
    const { worker } = await startMockBackend({ baseUrl: API });
    worker.use(
      http.post(`${API}/bookings`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key') ?? '');
        return down ? HttpResponse.error() : undefined;
      }),
    );
    return {};
  };
  return story(lang, { loaders: [withSupporter(), offlineBookings] }, async ({ el, root, t }) => {
    await journeyTo(el, lang, 'review');
    await pressContinue(el, lang);
    const alert = await appears(root, 'form [part="field-error"]', 'failure message', settled);
    await expect(textOf(alert)).toBe(`${t.offline} ${t.sendAgain}`);
    await expectAnnounced(el, t.offline);
    // Still the review, with every answer in it.
    await atStep(el, lang, 'review');
    await expect(summaryRows(el).get(t.summary.about)).toHaveTextContent(seeker.email);
    const failures = heardOf(el, 'peer-error');
    await expect(failures.length).toBeGreaterThan(0);
    await expect(JSON.stringify(failures[0]!.detail)).not.toContain(seeker.email);

    // Back online: the same request, with the same Idempotency-Key, books once (R3).
    down = false;
    const tries = keys.length;
    await userEvent.click(await findButton(root, t.send));
    await expectSent(el, t);
    await expect(keys.length).toBeGreaterThan(tries);
    await expect(new Set(keys).size).toBe(1);
    await expect(heardOf(el, 'peer-booking-requested')).toHaveLength(1);
  });
}

export const NetworkFailureOnSubmit = networkFailure('en');
export const NetworkFailureOnSubmitSpanish = networkFailure('es');

// ---- Manage: a booking after it was sent, from its id and manage token ----

/** The manage view, once the booking and its supporter's name have loaded. */
async function manageView(el: PeerBooking, t: Says, status: string): Promise<HTMLElement> {
  const manage = await appears(shadow(el), '[part="manage"]', 'booking shown', settled);
  await waitFor(() => expect(statusOf(manage)).toBe(status), loaded);
  await expect(textOf(heading(el))).toBe(t.manageTitle);
  return manage;
}

const manageRequested = both({ loaders: [withBooking()] }, async ({ el, t, found }) => {
  const manage = await manageView(el, t, t.waiting(found.supporterName!));
  await expect(textOf(manage.querySelector('p.muted'))).toMatch(t.freeUntil);
  await expect(button(manage, t.reschedule)).toBeVisible();
  await expect(button(manage, t.cancel)).toBeVisible();
  // Not confirmed yet: no way to join, nothing for the calendar.
  await expect(manage.querySelector('[part="calendar"]')).toBeNull();
  await expect(manage.querySelector('ul.next')).toBeNull();
});

export const ManageRequested = manageRequested.en;
export const ManageRequestedSpanish = manageRequested.es;

const confirmed = { loaders: [withBooking((store, id) => store.confirmBooking(id))] };

const manageConfirmed = both(confirmed, async ({ el, t, found }) => {
  const manage = await manageView(el, t, t.confirmed(found.supporterName!));
  const booking = await found.store!.getBooking(found.bookingId!, found.manageToken!);
  if (!booking.ok) throw new Error('the confirmed booking is gone');
  const join = [...manage.querySelectorAll('a')].find((a) => textOf(a) === t.joinLink);
  await expect(join, `a "${t.joinLink}" link`).toBeDefined();
  await expect(join).toHaveAttribute('href', booking.body.joinUrl);
  const calendar = manage.querySelector<HTMLAnchorElement>('[part="calendar"]')!;
  await expect(textOf(calendar)).toBe(t.addToCalendar);
  await expect(calendar).toHaveAttribute('download', 'peer-support-session.ics');
  // The file itself: one event, named in the seeker's language, with the join link.
  const ics = await (await fetch(calendar.href)).text();
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  await expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  await expect(unfolded).toContain(`SUMMARY:${t.calendarTitle(found.supporterName!)}`);
  await expect(unfolded).toContain(booking.body.joinUrl!);
  await expect(button(manage, t.cancel)).toBeVisible();
});

export const ManageConfirmed = manageConfirmed.en;
export const ManageConfirmedSpanish = manageConfirmed.es;

/** Declined, or cancelled by the supporter: said kindly, with a way to book again. */
function manageEndedBySupporter(lang: Lang, how: 'declined' | 'cancelledBySupporter'): Story {
  const ended = withBooking(async (store, id) =>
    how === 'declined' ? await store.declineBooking(id) : await store.cancelAsSupporter(id),
  );
  return story(lang, { loaders: [ended] }, async ({ el, root, t, found }) => {
    const name = found.supporterName!;
    const manage = await manageView(el, t, t[how](name));
    await expect(button(manage, t.cancel)).toBeUndefined();
    await expect(button(manage, t.reschedule)).toBeUndefined();
    await expect(button(manage, t.bookAnother)).toBeVisible();
    // Rebook with the same supporter: straight to their open times.
    await userEvent.click(await findButton(manage, t.rebookSame(name)));
    const title = await atStep(el, lang, 'time');
    await waitFor(() => expect(root.activeElement).toBe(title));
    // The supporter's open times, at the booking's length (from a link the draft knew none).
    await waitFor(
      () => expect(root.querySelectorAll('[part~="slot"]').length).toBeGreaterThan(0),
      settled,
    );
  });
}

export const ManageDeclined = manageEndedBySupporter('en', 'declined');
export const ManageDeclinedSpanish = manageEndedBySupporter('es', 'declined');
export const ManageCancelledBySupporter = manageEndedBySupporter('en', 'cancelledBySupporter');
export const ManageCancelledBySupporterSpanish = manageEndedBySupporter(
  'es',
  'cancelledBySupporter',
);

/** "Cancel session": a confirmation that says what it costs, then the outcome. */
function cancelSession(lang: Lang, late: boolean): Story {
  return story(
    lang,
    { loaders: [withBooking(undefined, late)] },
    async ({ el, root, t, found }) => {
      const manage = await manageView(el, t, t.waiting(found.supporterName!));
      await expect(textOf(manage.querySelector('p.muted'))).toMatch(late ? t.feeNow : t.freeUntil);
      // Too late to move it; still possible to cancel.
      if (late) await expect(button(manage, t.reschedule)).toBeUndefined();
      await userEvent.click(button(manage, t.cancel)!);
      const confirm = await appears(root, '[part="confirm-cancel"]', 'confirmation');
      await expect(textOf(confirm.querySelector('p'))).toMatch(late ? t.cancelLate : t.cancelFree);
      const yes = button(confirm, t.cancelConfirm)!;
      await waitFor(() => expect(root.activeElement).toBe(yes));
      // "Keep my session" changes nothing.
      await userEvent.click(button(confirm, t.keepSession)!);
      await waitFor(() => expect(root.querySelector('[part="confirm-cancel"]')).toBeNull());
      await userEvent.click(button(manage, t.cancel)!);
      await userEvent.click(await findButton(root, t.cancelConfirm));
      const outcome = late ? t.cancelledFeeDue : t.cancelledFree;
      await waitFor(() => expect(statusOf(root)).toBe(outcome), settled);
      await expectAnnounced(el, outcome);
      await expect(button(root, t.cancel)).toBeUndefined();
      await expect(button(root, t.bookAnother)).toBeVisible();
      const [cancelled] = heardOf(el, 'peer-booking-cancelled');
      await expect(cancelled!.detail).toEqual({ bookingId: found.bookingId, feeApplies: late });
    },
  );
}

export const CancelFree = cancelSession('en', false);
export const CancelFreeSpanish = cancelSession('es', false);
export const CancelWithFee = cancelSession('en', true);
export const CancelWithFeeSpanish = cancelSession('es', true);

const reschedule = both({ loaders: [withBooking()] }, async ({ el, root, t, found }) => {
  const manage = await manageView(el, t, t.waiting(found.supporterName!));
  const when = () => textOf(root.querySelector('[part="status"] + p'));
  const before = when();
  await userEvent.click(button(manage, t.reschedule)!);
  const panel = await appears(root, '[part="reschedule"]', 'reschedule panel');
  const title = panel.querySelector('h4')!;
  await expect(textOf(title)).toBe(t.rescheduleTitle);
  // Focus on the panel's heading (A2).
  await waitFor(() => expect(root.activeElement).toBe(title));
  const move = button(panel, t.moveChoose)!;
  await expect(move).toBeDisabled();
  await expect(button(panel, t.keepTime)).toBeVisible();
  const [slot] = await slotButtons(panel);
  const name = slot!.getAttribute('aria-label')!;
  await userEvent.click(slot!);
  await waitFor(() => expect(textOf(move)).toBe(t.moveTo(name)));
  await expect(move).toBeEnabled();
  await userEvent.click(move);
  await expectAnnounced(el, t.moved(name));
  await waitFor(() => expect(root.querySelector('[part="reschedule"]')).toBeNull());
  // The supporter accepts the new time again: a request once more.
  await expect(statusOf(root)).toBe(t.waiting(found.supporterName!));
  await waitFor(() => expect(when()).not.toBe(before));
  const [moved] = heardOf(el, 'peer-booking-rescheduled');
  await expect(moved!.detail.bookingId).toBe(found.bookingId);
  await expect(Date.parse(moved!.detail.start)).not.toBe(Date.parse(found.slotStart!));
});

export const Reschedule = reschedule.en;
export const RescheduleSpanish = reschedule.es;

// ---- Loading, failed, unreadable, unavailable: a clear message and the crisis line (R1, R5) ----

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
  async ({ el, root, lang, t }) => {
    await expect(textOf(root.querySelector('[part="loading"]'))).toBe(t.loading);
    await atStep(el, lang, 'supporter');
    await expect(root.querySelector('[part="loading"]')).toBeNull();
    await expect(root.querySelector('form')).not.toBeNull();
  },
);

export const Slow = slowState.en;
export const SlowSpanish = slowState.es;

/** The error state: a clear message, and a retry button. */
async function expectErrorState(el: PeerBooking, root: ShadowRoot, t: Says, message: string) {
  const error = await appears(root, '[part="error"]', 'error state', settled);
  await expect(error).toBeVisible();
  await expect(textOf(error.querySelector('p'))).toBe(message);
  // Said in the live region (A4) and reported to the host page (R5).
  await expectAnnounced(el, message);
  await expect(heardOf(el, 'peer-error').length).toBeGreaterThan(0);
  return expectButton(error, t.retry);
}

/** The mock backend failing one way on `getProgram`. */
const programFails = (scenario: 'error' | 'offline' | 'malformed') => ({
  parameters: { mockScenario: { scenario, only: ['getProgram'] } },
});

const errorState = both(programFails('error'), async ({ el, root, lang, t }) => {
  const retry = await expectErrorState(el, root, t, t.loadFailed);
  // The backend is back: "Try again" loads the program, and the flow opens.
  (await startMockBackend({ baseUrl: API })).worker.resetHandlers();
  await userEvent.click(retry);
  await atStep(el, lang, 'supporter');
  await expect(root.querySelector('[part="error"]')).toBeNull();
});

// Not `Error`: that would shadow the global in this module.
export const ErrorState: Story = { ...errorState.en, name: 'Error' };
export const ErrorSpanish = errorState.es;

const malformed = both(programFails('malformed'), async ({ el, root, t }) => {
  await expectErrorState(el, root, t, t.invalidData);
});

/** No connection: said as such (not as a server error), with "Try again" (R1). */
const offline = both(programFails('offline'), async ({ el, root, t }) => {
  await expectErrorState(el, root, t, t.offline);
});

export const Offline = offline.en;
export const OfflineSpanish = offline.es;

export const Malformed = malformed.en;
export const MalformedSpanish = malformed.es;

/** No api-base and no provider: nothing to book with, said so; the crisis line stays. */
const unavailable = both({ args: { apiBase: '' } }, async ({ root, t }) => {
  const error = root.querySelector('[part="error"]');
  await expect(error).toBeVisible();
  await expect(textOf(error)).toBe(t.unavailable);
  await expect(root.querySelector('form')).toBeNull();
});

export const NoApiBase = unavailable.en;
export const NoApiBaseSpanish = unavailable.es;
