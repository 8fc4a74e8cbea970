/**
 * Supporter portraits the mock backend serves itself, on the page's own origin: a demo or a story
 * then shows photos without contacting any other origin (QUALITY S3). Each portrait is a small
 * SVG (a head and shoulders in a few flat colours, no text) drawn from a hash of the supporter's
 * id and name, so the same seed gives the same portraits on every run.
 */

/** Path on the page's origin below which the mock serves portraits: `/mock-portraits/<id>.svg`. */
export const PORTRAIT_PATH = '/mock-portraits/';

/** The path of a supporter's portrait, made absolute by the store against the page's origin. */
export function portraitPath(supporterId: string): string {
  return `${PORTRAIT_PATH}${encodeURIComponent(supporterId)}.svg`;
}

/** The supporter id in a portrait path (`/mock-portraits/sup-001.svg`), else undefined. */
export function portraitIdOf(pathname: string): string | undefined {
  if (!pathname.startsWith(PORTRAIT_PATH)) return undefined;
  const match = /^([^/]+)\.svg$/.exec(pathname.slice(PORTRAIT_PATH.length));
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

const BACKDROPS = ['#d8e8f3', '#f3e3d3', '#dcefdc', '#ece0f3', '#f6e8b8', '#d9ecec', '#f3dbe0'];
const SKIN = ['#f6d7c3', '#eac09d', '#d39e76', '#b07850', '#8d5a3b', '#5f3b27'];
const HAIR = ['#1f1a17', '#3b2a20', '#6b4a2e', '#a0703f', '#c9a36b', '#8c8c8c', '#7a2e1f'];
const CLOTHES = ['#2f5d7c', '#7c3f58', '#3f6e4a', '#5b4b8a', '#8a5a2b', '#2f6f73', '#444a55'];

/** FNV-1a, 32 bits: a stable hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The portrait of a supporter, as SVG text (about 500 bytes). */
export function portraitSvg(supporter: { id: string; name: string }): string {
  let h = hash(`${supporter.id}\n${supporter.name}`);
  // Each choice takes the next few bits of the hash, so choices vary independently.
  const pick = <T>(items: readonly T[]): T => {
    const item = items[h % items.length]!;
    h = Math.floor(h / items.length);
    return item;
  };
  const backdrop = pick(BACKDROPS);
  const skin = pick(SKIN);
  const hair = pick(HAIR);
  const clothes = pick(CLOTHES);
  const style = pick(['short', 'long', 'bun', 'none'] as const);
  const cap = `<path d="M29 42c0-15 8-23 19-23s19 8 19 23c-4-8-11-12-19-12s-15 4-19 12z" fill="${hair}"/>`;
  const behind =
    style === 'long' ? `<rect x="27" y="28" width="42" height="40" rx="14" fill="${hair}"/>` : '';
  const above =
    style === 'none'
      ? ''
      : style === 'bun'
        ? `<circle cx="48" cy="18" r="9" fill="${hair}"/>${cap}`
        : cap;
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">' +
    `<rect width="96" height="96" fill="${backdrop}"/>` +
    behind +
    `<path d="M12 96c0-21 16-33 36-33s36 12 36 33z" fill="${clothes}"/>` +
    `<rect x="41" y="52" width="14" height="14" rx="5" fill="${skin}"/>` +
    `<circle cx="48" cy="42" r="19" fill="${skin}"/>` +
    above +
    '</svg>'
  );
}
