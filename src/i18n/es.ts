import type { CommonStrings, CrisisStrings } from './types.js';

export const crisis: CrisisStrings = {
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
};

export const common: CommonStrings = {
  loading: 'Cargando…',
  retry: 'Intentar de nuevo',
  offline: 'Parece que no tienes conexión. Revisa tu conexión e inténtalo de nuevo.',
  loadFailed: 'Algo salió mal al cargar. Inténtalo de nuevo.',
  invalidData: 'Recibimos información que no pudimos leer. Inténtalo más tarde.',
};
