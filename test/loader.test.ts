import { expect, aTimeout } from '@open-wc/testing';
import { startMockBackend } from '../src/mocks/browser.js';
import { deepLinks, expectCrisisLine, isShown } from './support/crisis.js';
import { until } from './support/until.js';

/**
 * The script tag (`dist/cdn/peer-support-widgets.js`, built by `npm test` before it tests), as a
 * partner's page uses it: each page is an iframe with the one `<script type="module">` tag. The
 * mock backend runs in this page; its service worker answers the frames' requests too.
 */
await startMockBackend({ quiet: true });

interface FrameWindow extends Window {
  consoleCalls: { level: string; text: string }[];
  peerErrors: { on: string; detail: Record<string, unknown>; isPeerErrorEvent: boolean }[];
}

const frames: HTMLIFrameElement[] = [];

async function open(page: string): Promise<{ win: FrameWindow; doc: Document }> {
  const probe = await fetch('/dist/cdn/peer-support-widgets.js', { method: 'HEAD' });
  expect(probe.ok, 'dist/cdn/peer-support-widgets.js exists: run npm run build first').to.be.true;
  const frame = document.createElement('iframe');
  frame.src = page;
  frame.width = '1024';
  frame.height = '700';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { win: frame.contentWindow as FrameWindow, doc: frame.contentDocument! };
}

/** Cards of a directory, once it has rendered its results. */
const cards = (directory: Element) => directory.shadowRoot?.querySelectorAll('article') ?? [];

/** The open step's heading of a booking, once its program has loaded. */
const stepTitle = (booking: Element) => booking.shadowRoot?.querySelector('#step-title');

/** The script tag's files the page downloaded, without their content hash. */
const downloaded = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .filter((entry) => /\/dist\/cdn\//.test(entry.name))
    .map((entry) => entry.name.replace(/.*\//, '').replace(/-[\w-]{8}\.js$/, ''));

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

describe('the script tag (loader)', () => {
  it('defines <crisis-banner> at once and nothing else until a tag needs it', async () => {
    const { win, doc } = await open('/test/loader/plain.html');
    await until(() => win.PeerSupportWidgets);
    expect(win.customElements.get('crisis-banner'), 'banner').to.exist;
    await aTimeout(200);
    expect(win.customElements.get('peer-directory'), 'no directory on the page').to.equal(
      undefined,
    );
    expect(win.customElements.get('peer-support-provider'), 'no provider').to.equal(undefined);
    const scripts = win.performance
      .getEntriesByType('resource')
      .filter((entry) => /\/dist\/cdn\//.test(entry.name));
    // The tag's file and the loader it imports: nothing else on a page with no data element.
    const names = scripts.map((entry) =>
      entry.name.replace(/.*\//, '').replace(/-[\w-]{8}\.js$/, ''),
    );
    expect(names).to.deep.equal(['peer-support-widgets.js', 'loader']);
    expect(doc.querySelector('peer-directory')).to.equal(null);
  });

  it('upgrades a <peer-directory> added after load, as a framework adds it', async () => {
    const { win, doc } = await open('/test/loader/plain.html');
    await until(() => win.PeerSupportWidgets);
    const directory = doc.createElement('peer-directory');
    directory.setAttribute('api-base', '/api');
    doc.body.append(directory);
    await until(() => cards(directory).length > 0, 8000);
    expect(win.customElements.get('peer-directory')).to.exist;
    expectCrisisLine(directory);
    // An English page never downloads the Spanish strings.
    const files = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(files.filter((name) => /\/dist\/cdn\/es-/.test(name))).to.deep.equal([]);
    // A directory-only page never downloads the booking.
    expect(downloaded(win)).to.not.include('peer-booking');
  });

  it('defines <peer-booking> when the page has it, without the directory', async () => {
    const { win, doc } = await open('/test/loader/booking.html');
    const booking = doc.querySelector('peer-booking')!;
    await win.customElements.whenDefined('peer-booking');
    // The provider gave it the API: its program loads and the first step opens.
    await until(() => stepTitle(booking), 8000);
    expectCrisisLine(booking);
    const files = downloaded(win);
    expect(files).to.include('peer-booking');
    expect(files, 'no directory on the page').to.not.include('peer-directory');
    expect(files, 'an English page: no Spanish').to.not.include.members(['es', 'booking-es']);
    expect(new Set(files).size, 'no file twice').to.equal(files.length);
  });

  it('renders a Spanish <peer-booking> added after load in Spanish from its first frame', async () => {
    const { win, doc } = await open('/test/loader/plain.html');
    await until(() => win.PeerSupportWidgets);
    const booking = doc.createElement('peer-booking') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    booking.lang = 'es';
    booking.setAttribute('api-base', '/api');
    doc.body.append(booking);
    await win.customElements.whenDefined('peer-booking');
    await booking.updateComplete;
    // The first render, before any data: already in Spanish.
    expect(booking.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(
      'Reserva una sesión con un compañero de apoyo',
    );
    // The booking's own Spanish strings, not the directory's.
    const files = downloaded(win);
    expect(files).to.include('booking-es');
    expect(files).to.not.include('es');
  });

  it('on a Spanish page, renders the directory in Spanish from its first frame', async () => {
    const { win, doc } = await open('/test/loader/spanish.html');
    await win.customElements.whenDefined('peer-directory');
    const directory = doc.querySelector('peer-directory') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    await directory.updateComplete;
    // The first render, before any data: already in Spanish, never "Find a peer supporter".
    expect(directory.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(
      'Encuentra un compañero de apoyo',
    );
    const files = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(
      files.some((name) => /\/dist\/cdn\/es-/.test(name)),
      'Spanish strings fetched',
    ).to.be.true;
  });

  it('upgrades a tag in a partner component’s shadow root after discover(shadowRoot)', async () => {
    const { win, doc } = await open('/test/loader/plain.html');
    const api = await until(() => win.PeerSupportWidgets);
    const host = doc.createElement('div');
    doc.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const directory = doc.createElement('peer-directory');
    directory.setAttribute('api-base', '/api');
    shadow.append(directory);
    await aTimeout(300);
    // The MutationObserver cannot see into a shadow root: undefined until the partner says so.
    expect(win.customElements.get('peer-directory'), 'not loaded yet').to.equal(undefined);
    await api.discover(shadow);
    await until(() => cards(directory).length > 0, 8000);
    // From then on the shadow root is watched: a banner added later upgrades by itself.
    const banner = doc.createElement('crisis-banner');
    const provider = doc.createElement('peer-support-provider');
    provider.append(banner);
    shadow.append(provider);
    await until(() => win.customElements.get('peer-support-provider'));
    expectCrisisLine(banner);
  });

  it('keeps the fallback, logs one error and fires peer-error when a chunk fails to load', async () => {
    const { win, doc } = await open('/test/loader/broken.html');
    const directory = doc.querySelector('peer-directory')!;
    await until(() => win.peerErrors.length > 0, 8000).catch((error) => {
      throw new Error(`${error}: ${JSON.stringify(win.consoleCalls)}`);
    });
    expect(win.customElements.get('peer-directory'), 'stays undefined').to.equal(undefined);
    expect(win.peerErrors).to.have.length(1);
    expect(win.peerErrors[0]!.on).to.equal('peer-directory');
    expect(win.peerErrors[0]!.detail.kind).to.equal('load');
    expect(win.peerErrors[0]!.detail.tag).to.equal('peer-directory');
    const errors = win.consoleCalls.filter((call) => call.level === 'error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.text).to.contain('<peer-directory> could not be loaded');
    // The light-DOM fallback is what the person sees: 988 and 911, as links.
    const links = deepLinks(directory).filter(isShown);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'tel:988',
      'sms:988',
      'tel:911',
    ]);
    // A second one added later hears of it too, without a second console error.
    const later = doc.createElement('peer-directory');
    doc.body.append(later);
    await until(() => win.peerErrors.length === 2);
    expect(win.peerErrors[1]!.detail.kind).to.equal('load');
    expect(win.consoleCalls.filter((call) => call.level === 'error')).to.have.length(1);
  });

  it('warns once and keeps working when the script is loaded twice (two copies or versions)', async () => {
    const { win, doc } = await open('/test/loader/twice.html');
    const directory = doc.querySelector('peer-directory')!;
    await until(() => cards(directory).length > 0, 8000);
    expectCrisisLine(doc.querySelector('crisis-banner')!);
    const warnings = win.consoleCalls.filter((call) => /loaded twice/.test(call.text));
    expect(warnings).to.have.length(1);
    expect(win.consoleCalls.filter((call) => call.level === 'error')).to.deep.equal([]);
    // Only the first copy's element chunks were used: the second ran its loader and stopped.
    const copies = win.performance
      .getEntriesByType('resource')
      .filter((entry) => /\/cdn-copy\//.test(entry.name))
      .map((entry) => entry.name.replace(/.*\//, '').replace(/-[\w-]{8}\.js$/, ''));
    expect(copies).to.deep.equal(['peer-support-widgets.js', 'loader']);
  });

  it('works with a query string on the tag: one copy of every module, no false warning', async () => {
    const { win } = await open('/test/loader/query.html');
    // The refused api-base gives a peer-error of the class the global exposes.
    await until(() => win.peerErrors.length > 0, 8000);
    expect(win.peerErrors[0]!.detail.kind).to.equal('config');
    expect(win.peerErrors[0]!.isPeerErrorEvent, 'instanceof PeerSupportWidgets.PeerErrorEvent').to
      .be.true;
    expect(win.consoleCalls.filter((call) => /loaded twice/.test(call.text))).to.deep.equal([]);
    const files = win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name.replace(/.*\/dist\/cdn\//, ''))
      .filter((name) => !name.includes('/'));
    expect(
      files.filter((name) => name.startsWith('loader-')),
      'the loader once',
    ).to.have.length(1);
    expect(new Set(files).size, 'no file twice').to.equal(files.length);
  });
});
