import type { CrisisStrings, Locale } from './types.js';

/**
 * The crisis line's words in every language, in one module: the script tag's loader carries them
 * (the banner paints at once, in the page's language, with no request: QUALITY P2), and every
 * element's crisis line reads them from here, never from a string module it would have to load.
 */
export const crisisStrings: Record<Locale, CrisisStrings> = {
  en: {
    regionLabel: 'Crisis support',
    title: 'If you are in crisis, you can get help right now.',
    intro:
      'You are not alone. Trained crisis counselors at the 988 Suicide & Crisis Lifeline answer 24 hours a day, 7 days a week. It is free and confidential.',
    call988: 'Call 988',
    text988: 'Text 988',
    text988Short: 'Text 988',
    chat988: 'Chat at 988lifeline.org',
    chatUrl: 'https://988lifeline.org/chat/',
    spanish: 'Help in Spanish: call 988 and press 2, or text AYUDA to 988.',
    asl: 'Deaf or hard of hearing: call 988 by ASL videophone, or text 988.',
    veterans: 'Veterans and service members: call 988 and press 1.',
    emergency:
      'For a medical emergency, or if you are in immediate danger, call 911 or go to the nearest emergency room.',
    call911: 'Call 911',
    notCrisisService: 'Peer supporters are not a crisis service.',
    compactLead: 'In crisis?',
    compactEmergency: 'Emergency:',
    callExtra: 'Call {label}',
    textExtra: 'Text {label}',
    moreHelp: 'More ways to get help',
    lessHelp: 'Show less',
    opensInNewTab: '(opens in a new tab)',
  },
  es: {
    regionLabel: 'Apoyo en caso de crisis',
    title: 'Si estás en crisis, puedes recibir ayuda ahora mismo.',
    intro:
      'No estás solo ni sola. Consejeros capacitados de la Línea 988 de Prevención del Suicidio y Crisis atienden las 24 horas, los 7 días de la semana. Es gratis y confidencial.',
    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    text988Short: 'Texto al 988',
    chat988: 'Chatear en 988lineadevida.org',
    chatUrl: 'https://988lineadevida.org/',
    spanish: 'Ayuda en español: llama al 988 y marca 2, o envía AYUDA por texto al 988.',
    asl: 'Personas sordas o con dificultades auditivas: llama al 988 por videoteléfono en ASL, o envía un texto al 988.',
    veterans: 'Veteranos y miembros de las fuerzas armadas: llama al 988 y marca 1.',
    emergency:
      'Ante una emergencia médica, o si corres peligro inmediato, llama al 911 o ve a la sala de emergencias más cercana.',
    call911: 'Llamar al 911',
    notCrisisService: 'Los compañeros de apoyo no son un servicio de crisis.',
    compactLead: '¿En crisis?',
    compactEmergency: 'Emergencia:',
    callExtra: 'Llamar a {label}',
    textExtra: 'Enviar texto a {label}',
    moreHelp: 'Más formas de recibir ayuda',
    lessHelp: 'Mostrar menos',
    opensInNewTab: '(se abre en una pestaña nueva)',
  },
};
