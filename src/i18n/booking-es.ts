/** `<peer-booking>` in Spanish, imported the first time the element renders in Spanish. */
import type { BookingStrings } from './booking-en.js';
import { registerStrings } from '../internal/localize.js';

export const booking: BookingStrings = {
  title: 'Reserva una sesión con un compañero de apoyo',
  stepsLabel: 'Pasos de la reserva',
  stepOf: 'Paso {n} de {total}:',
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
  stepTitles: {
    supporter: '¿Con quién te gustaría hablar?',
    session: '¿Qué tipo de sesión?',
    time: 'Elige un horario',
    eligibility: '¿Puede atenderte este programa?',
    about: 'Sobre ti',
    policies: 'Antes de reservar',
    price: 'Precio',
    review: 'Revisa y envía tu solicitud',
  },
  back: 'Atrás',
  continue: 'Continuar',
  send: 'Enviar solicitud',
  sending: 'Enviando tu solicitud…',
  sendAgain:
    'No se perdió nada de lo que escribiste. Presiona “Enviar solicitud” para intentarlo de nuevo: tu reserva no se hará dos veces.',
  fixOne: 'Una respuesta necesita tu atención.',
  fixOther: '{n} respuestas necesitan tu atención.',
  optional: '(opcional)',
  yes: 'Sí',
  no: 'No',
  change: 'Cambiar',
  changeLabel: 'Cambiar: {what}',
  yourSupporter: 'tu compañero de apoyo',

  chooseSupporter: 'Elige un compañero de apoyo',
  loadingSupporters: 'Cargando compañeros de apoyo…',
  noSupporters:
    'En este momento ningún compañero de apoyo está aceptando reservas. Vuelve a consultar pronto, por favor.',
  lengthQuestion: '¿Cuánto tiempo te gustaría que dure la sesión?',
  minutes: '{n} minutos',
  modalityQuestion: '¿Cómo te gustaría reunirte?',
  modalities: { video: 'Videollamada', phone: 'Llamada telefónica', messaging: 'Mensajes' },
  loadingTimes: 'Cargando horarios disponibles…',
  slotChosen: 'Horario elegido: {time}.',
  picker: {
    days: 'Días',
    times: 'Horarios disponibles el {day}',
    noSlotsOn: 'No hay horarios disponibles el {day}.',
    nextOpenDay: 'Próximo día disponible',
    noneInHorizon:
      'No hay horarios disponibles en las próximas semanas. Prueba con otro compañero de apoyo o vuelve a consultar pronto.',
    timeZone: 'Zona horaria',
    timesIn: 'Los horarios se muestran en {zone}.',
    open: 'Libres: {n}',
  },

  eligibilityIntro: 'Solo te preguntamos lo necesario para saber si este programa puede atenderte.',
  stateQuestion: '¿En qué estado vives?',
  chooseState: 'Elige un estado',
  otherState: 'Otro estado, o fuera de EE. UU.',
  stateNames: {
    DC: 'Distrito de Columbia',
    HI: 'Hawái',
    LA: 'Luisiana',
    MI: 'Míchigan',
    MS: 'Misisipi',
    MO: 'Misuri',
    NH: 'Nuevo Hampshire',
    NJ: 'Nueva Jersey',
    NM: 'Nuevo México',
    NY: 'Nueva York',
    NC: 'Carolina del Norte',
    ND: 'Dakota del Norte',
    OR: 'Oregón',
    PA: 'Pensilvania',
    SC: 'Carolina del Sur',
    SD: 'Dakota del Sur',
    WV: 'Virginia Occidental',
  },
  ageQuestion: '¿Cuántos años tienes?',
  ageHint: 'En años. Solo usamos este dato para verificar el rango de edad del programa.',
  ageRangeQuestion: '¿Tu edad es {ages}?',
  agesBetween: 'de {min} a {max} años',
  agesFrom: 'de {min} años o más',
  agesUpTo: 'de {max} años o menos',
  ineligibleIntro: 'Lo sentimos: este programa no puede aceptar tu reserva.',
  ineligibleCrisis:
    'Si necesitas hablar con alguien ahora, estas líneas son gratuitas, confidenciales y atienden las 24 horas del día:',
  otherHelp: 'Otros lugares donde encontrar apoyo',
  otherHelpNone:
    'Tu médico, tu campus o los servicios de salud locales pueden ayudarte a encontrar apoyo cerca de ti.',
  changeAnswers: 'Cambiar mis respuestas',

  name: 'Tu nombre',
  email: 'Correo electrónico',
  emailHint: 'Aquí te enviamos la confirmación y cómo unirte a la sesión.',
  pronouns: 'Tus pronombres',
  note: '¿De qué te gustaría hablar?',
  noteHint:
    'Tu compañero de apoyo lee esto antes de la sesión. No se lee de inmediato, así que no es para emergencias: si necesitas ayuda ahora, llama o envía un mensaje de texto al 988, o llama al 911.',

  policyNotTherapyTitle: 'El apoyo entre pares no es terapia',
  policyNotTherapy:
    'Los compañeros de apoyo están capacitados y certificados, y comparten su propia experiencia de recuperación. No diagnostican, no dan tratamiento, no recetan medicamentos ni dan consejos médicos, y no son un servicio de crisis.',
  agreeNotTherapy: 'Entiendo que el apoyo entre pares no es terapia ni atención en crisis.',
  policyPrivacyTitle: 'Lo que queda en privado',
  policyConfidential:
    'Lo que compartes es confidencial, con un límite: los compañeros de apoyo deben reportar cualquier sospecha de abuso o negligencia hacia niños, personas mayores y adultos dependientes.',
  policySocial:
    'Los compañeros de apoyo no aceptan contacto ni solicitudes de amistad en redes sociales.',
  policyMessages:
    'Los mensajes entre sesiones no son para emergencias: si necesitas ayuda ahora, llama o envía un mensaje de texto al 988, o llama al 911.',
  agreePrivacy: 'Entiendo qué es confidencial y cuáles son sus límites.',
  policyCancellationTitle: 'Cancelaciones y llegadas tarde',
  policyCancellation:
    'Puedes cancelar sin costo hasta {hours} horas antes de la sesión. Después de ese plazo, se cobra la tarifa completa.',
  policyLate: 'Si te unes tarde, la sesión termina igual a la hora prevista.',
  agreeCancellation: 'Acepto estas condiciones.',

  payWhatYouCan: 'Paga lo que puedas',
  payMoreHelps:
    'Los compañeros de apoyo ganan lo mismo en cualquier caso: pagar más ayuda a alguien que puede pagar menos.',
  suggested: '(sugerido)',
  amountLabel: 'Monto ({currency})',
  amountHint: 'El monto mínimo es {min}.',
  amountHintMax: 'Entre {min} y {max}.',
  fixedPrice: 'Una sesión cuesta {price}.',
  moneyBack: 'Si la sesión no te gustó, te devolvemos el dinero.',
  giftCode: 'Código de regalo',
  applyGift: 'Aplicar código',
  checkingGift: 'Verificando…',
  giftCovers:
    'Tu regalo cubre esta sesión: no tienes que pagar nada. A la tarjeta le quedan {n} sesiones, contando esta.',
  giftCoversLast:
    'Tu regalo cubre esta sesión: no tienes que pagar nada. Es la última sesión de la tarjeta.',
  checkoutNote:
    'Después de enviar la solicitud, pagas en la página de pago segura del programa. Nunca vemos tu tarjeta.',
  priceFree: 'Gratis para ti',
  priceFreeBy: 'Gratis para ti: lo paga {sponsor}',
  priceGift: 'Cubierto por tu regalo',

  summarySupporter: 'Compañero de apoyo',
  summarySession: 'Sesión',
  summaryTime: 'Horario',
  summaryEligibility: 'Dónde vives',
  summaryAge: '{age} años',
  summaryAgeRange: 'Edad: {ages}',
  summaryAbout: 'Sobre ti',
  summaryNote: 'Una nota para tu compañero de apoyo',
  summaryPolicies: 'Acuerdos',
  summaryAgreed: 'Los aceptaste todos.',
  summaryPrice: 'Precio',

  requestedTitle: 'Tu solicitud fue enviada',
  manageTitle: 'Tu sesión',
  nextSteps: [
    'Tu compañero de apoyo aceptará la solicitud o te propondrá otro horario.',
    'Cuando la acepte, recibirás un correo electrónico con cómo unirte.',
    'Puedes reservar con más de un compañero de apoyo hasta encontrar a la persona adecuada para ti.',
  ],
  status: {
    requested: 'Esperando a que {name} acepte.',
    confirmed: 'Confirmada con {name}.',
    declined:
      'Lo sentimos, {name} no puede atender esta sesión. Elige otro horario u otro compañero de apoyo, por favor.',
    cancelled: 'Esta sesión está cancelada.',
  },
  statusCancelledBySupporter:
    'Lo sentimos, {name} tuvo que cancelar esta sesión. No se cobra nada. Por favor, reserva de nuevo.',
  loadingBooking: 'Cargando tu reserva…',
  bookingNotFound:
    'No encontramos esta reserva. Puede que el enlace esté incompleto o desactualizado.',
  joinLink: 'Unirte a la videollamada',
  addToCalendar: 'Agregar al calendario',
  calendarTitle: 'Sesión de apoyo entre pares con {name}',
  calendarDescription:
    'El apoyo entre pares no es un servicio de crisis. Si estás en crisis, llama o envía un mensaje de texto al 988; en una emergencia, llama al 911.',
  freeUntil: 'Puedes cancelar o cambiar el horario sin costo hasta el {deadline}.',
  feeNow:
    'Ya pasó el plazo de cancelación gratuita: si cancelas ahora, se cobra la tarifa completa.',
  feeNowPaid:
    'Ya pasó el plazo de cancelación gratuita: si cancelas ahora, no se reembolsa tu pago.',
  feeNowGift:
    'Ya pasó el plazo de cancelación gratuita: si cancelas ahora, se usa la sesión de regalo.',
  feeNowNone: 'Todavía puedes cancelar. No se cobra nada.',
  cancel: 'Cancelar la sesión',
  cancelFree: 'Cancela ahora y no se cobra nada (gratis hasta el {deadline}).',
  cancelLate:
    'La cancelación gratuita terminó el {deadline}. Si cancelas ahora, se cobra la tarifa completa de {fee}.',
  cancelLateGift: 'La cancelación gratuita terminó. Si cancelas ahora, se usa la sesión de regalo.',
  cancelLatePaid:
    'La cancelación gratuita terminó el {deadline}. Si cancelas ahora, no se reembolsa tu pago de {fee}.',
  cancelLateNoFee: 'Cancela ahora y no se cobra nada.',
  cancelConfirm: 'Sí, cancelar la sesión',
  keepSession: 'Mantener mi sesión',
  cancelledFree: 'Tu sesión está cancelada. No se cobra nada.',
  cancelledRefunded: 'Tu sesión está cancelada y te reembolsaremos {amount}.',
  cancelledFeeDue: 'Tu sesión está cancelada. Se cobra la tarifa completa de {fee}.',
  cancelledGiftUsed: 'Tu sesión está cancelada. Se usó la sesión de regalo.',
  cancelledPaidKept: 'Tu sesión está cancelada. Como fue tarde, no se reembolsa tu pago.',
  cancelledGiftRestored: 'Tu sesión está cancelada. La sesión de regalo volvió a tu tarjeta.',
  reschedule: 'Cambiar el horario',
  rescheduleTitle: 'Elige un nuevo horario',
  moveChoose: 'Elige un nuevo horario arriba',
  moveTo: 'Cambiar mi sesión al {time}',
  keepTime: 'Mantener el horario actual',
  moved: 'Tu sesión se cambió al {time}. Tu compañero de apoyo confirmará el nuevo horario.',
  rebookSame: 'Elige otro horario con {name}',
  bookAnother: 'Reservar con otro compañero de apoyo',

  problems: {
    unknown: 'Algo no está bien en esta respuesta. Revísala, por favor.',
    'supporterId:required': 'Elige un compañero de apoyo.',
    'lengthMinutes:required': 'Elige la duración de la sesión.',
    'modality:required': 'Elige cómo te gustaría reunirte.',
    'slotStart:required': 'Elige un horario.',
    'supporterId:not_found':
      'Este compañero de apoyo ya no acepta reservas. Elige a otra persona, por favor.',
    'lengthMinutes:not_offered':
      'Este compañero de apoyo no ofrece sesiones de esta duración. Elige otra duración, por favor.',
    'modality:not_offered':
      'Este compañero de apoyo no se reúne de esta forma. Elige otra, por favor.',
    'payment:kind-not-accepted':
      'Este programa ya no acepta esta forma de pago. Vuelve a cargar la página, por favor.',
    'slotStart:taken':
      'Alguien acaba de reservar ese horario y no hay otro disponible. Prueba con otro compañero de apoyo.',
    'slotStart:taken-next':
      'Alguien acaba de reservar ese horario. Seleccionamos el siguiente horario disponible: revísalo y luego continúa.',
    'slotStart:not-offered': 'Ese horario ya no está disponible. Elige otro, por favor.',
    'state:required': 'Elige el estado donde vives.',
    'state:not_served': 'Este programa atiende a personas que viven en {states}.',
    'state:not_certified':
      'Lo sentimos, {name} no tiene certificación para apoyar a personas de tu estado. Puede que otro compañero de apoyo sí la tenga.',
    'state:invalid': 'Elige de la lista el estado donde vives.',
    'age:required': 'Escribe tu edad.',
    'age:invalid': 'Escribe tu edad en años, como número, por ejemplo 24.',
    'age:out_of_range': 'Este programa es para personas {ages}.',
    'ageInRange:required': 'Responde sí o no.',
    'ageInRange:out_of_range': 'Este programa es para personas {ages}.',
    'name:required': 'Escribe tu nombre.',
    'name:too-long': 'Tu nombre puede tener como máximo 120 caracteres.',
    'name:invalid': 'Escribe tu nombre.',
    'email:required': 'Escribe tu correo electrónico.',
    'email:invalid': 'Escribe un correo electrónico como nombre@example.com.',
    'pronouns:too-long': 'Los pronombres pueden tener como máximo 40 caracteres.',
    'pronouns:invalid': 'Los pronombres pueden tener como máximo 40 caracteres.',
    'note:too-long': 'La nota puede tener como máximo 1000 caracteres.',
    'note:invalid': 'La nota puede tener como máximo 1000 caracteres.',
    'notTherapy:required':
      'Marca esta casilla para continuar: el apoyo entre pares no es terapia ni atención en crisis.',
    'privacy:required':
      'Marca esta casilla para continuar: qué es confidencial y cuáles son sus límites.',
    'cancellation:required': 'Marca esta casilla para continuar: las condiciones de cancelación.',
    'amount:required': 'Escribe un monto.',
    'amount:invalid': 'Escribe el monto como número, por ejemplo 25 o 25.50.',
    'amount:below-minimum': 'El monto mínimo es {minimum}.',
    'amount:above-maximum': 'El monto máximo es {maximum}.',
    'amount:kind-not-accepted':
      'Este programa ya no acepta esta forma de pago. Vuelve a cargar la página, por favor.',
    'giftCode:invalid':
      'Un código de regalo son grupos de 4 letras o números separados por guiones, como ABCD-EFGH-JKLM-NPQR.',
    'giftCode:pending':
      'Esta tarjeta de regalo todavía no está activa: funcionará cuando se haya pagado y entregado.',
    'giftCode:unchecked': 'Presiona “Aplicar código” para verificar el código.',
    'giftCode:unknown':
      'No encontramos este código de regalo. Revísalo, o quítalo para pagar el precio normal.',
    'giftCode:used':
      'A esta tarjeta de regalo no le quedan sesiones. Quita el código para pagar el precio normal.',
    'giftCode:expired':
      'Esta tarjeta de regalo venció. Quita el código para pagar el precio normal.',
    'giftCode:wrong-length':
      'Esta tarjeta de regalo es para sesiones de {n} minutos. Cambia la duración de la sesión para usarla.',
    'review:changed':
      'Tu solicitud cambió desde que la enviaste por primera vez. Envíala de nuevo, por favor.',
    'review:rate-limited':
      'Demasiados intentos en poco tiempo. Espera un minuto y vuelve a enviarla.',
    'review:supporter-gone':
      'Este compañero de apoyo ya no acepta reservas. Elige otro, por favor.',
    'review:refused':
      'El servicio de reservas no pudo aceptar esta solicitud. Revisa tus respuestas y envíala de nuevo.',
    'manage:too-late':
      'Ya es demasiado tarde para cambiar el horario de esta sesión. Todavía puedes cancelarla.',
    'manage:slot-taken':
      'Alguien acaba de reservar ese horario. Los horarios disponibles están actualizados: elige otro.',
    'manage:already-cancelled': 'Esta sesión ya estaba cancelada.',
    'manage:booking-declined':
      'El compañero de apoyo rechazó esta sesión, así que no se puede cambiar.',
    'manage:failed': 'No funcionó. No cambió nada. Inténtalo de nuevo, por favor.',
  },
};

// Imported on first use (or with the element on a Spanish page): available from then on.
registerStrings('es', { booking });
