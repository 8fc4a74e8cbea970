import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement, html as litHtml } from 'lit';
import { Task } from '@lit/task';
import { http, HttpResponse } from 'msw';
import './define.js';
import '../crisis-banner/define.js';
import { PeerSupportProvider } from './peer-support-provider.js';
import { peerConfigContext, type PeerConfig } from '../../config/context.js';
import { PeerDataElement } from '../../internal/peer-data-element.js';
import type { PeerErrorEvent } from '../../events.js';
import { startMockBackend } from '../../mocks/browser.js';
import { programVariants } from '../../mocks/data.js';
import { deepLinks, expectCrisisLine, isShown } from '../../../test/support/crisis.js';
import { until } from '../../../test/support/until.js';

/** Reads the provided config the way any element would. */
class ConfigProbe extends LitElement {
  consumer = new ContextConsumer(this, { context: peerConfigContext, subscribe: true });
  get value(): PeerConfig | undefined {
    return this.consumer.value;
  }
}
customElements.define('config-probe', ConfigProbe);

/** A minimal data element: loads the program with whichever client its configuration gives. */
class ProgramName extends PeerDataElement {
  task = new Task(this, {
    args: () => [this.client] as const,
    task: ([client], { signal }) => client?.getProgram({ signal }),
  });
  get usedClient() {
    return this.client;
  }
  override render() {
    return litHtml`${this.task.render({
      complete: (program) => litHtml`<p>${program?.name ?? 'no client'}</p>`,
      error: (error) => this.renderError(error, () => void this.task.run()),
    })}${this.renderCrisisLine()}`;
  }
}
customElements.define('program-name', ProgramName);

const { worker } = await startMockBackend({ quiet: true });

function captureConsole(kind: 'error' | 'warn'): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console[kind];
  console[kind] = (...args: unknown[]) => messages.push(args.join(' '));
  return { messages, restore: () => (console[kind] = original) };
}

afterEach(() => worker.resetHandlers());

describe('<peer-support-provider>', () => {
  it('gives every element inside it the locale, theme and one shared client', async () => {
    const el = await fixture<PeerSupportProvider>(html`
      <peer-support-provider api-base="/api" locale="es" theme="dark">
        <div><config-probe></config-probe></div>
        <config-probe></config-probe>
        <crisis-banner variant="compact"></crisis-banner>
      </peer-support-provider>
    `);
    const [a, b] = [...el.querySelectorAll<ConfigProbe>('config-probe')];
    expect(a!.value?.locale).to.equal('es');
    expect(a!.value?.theme).to.equal('dark');
    expect(a!.value?.client).to.exist;
    expect(a!.value?.client).to.equal(b!.value?.client);
    const banner = el.querySelector('crisis-banner')!;
    await banner.updateComplete;
    expect(banner.getAttribute('theme')).to.equal('dark');
    expect(banner.shadowRoot!.textContent).to.contain('Llamar al 988');
    await expect(el).to.be.accessible();
  });

  it('loads the program once and shares it, adding its crisis line to the banner', async () => {
    const program = programVariants.campusCrisisLine;
    let requests = 0;
    worker.use(
      http.get('/api/program', () => {
        requests++;
        return HttpResponse.json(program);
      }),
    );
    const el = await fixture<PeerSupportProvider>(html`
      <peer-support-provider api-base="/api">
        <crisis-banner></crisis-banner>
        <config-probe></config-probe>
      </peer-support-provider>
    `);
    const probe = el.querySelector<ConfigProbe>('config-probe')!;
    await until(() => probe.value?.program);
    expect(probe.value!.program!.name).to.equal(program.name);
    const banner = el.querySelector('crisis-banner')!;
    const phone = program.crisisLine!.phone;
    await until(() => deepLinks(banner).find((a) => a.getAttribute('href') === `tel:${phone}`));
    expectCrisisLine(banner);
    expect(requests).to.equal(1);
  });

  it('reaches children that upgraded before it', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <late-provider locale="es">
        <crisis-banner variant="compact"></crisis-banner>
      </late-provider>
    `);
    const banner = wrapper.querySelector('crisis-banner')!;
    await banner.updateComplete;
    expect(banner.shadowRoot!.textContent).to.contain('Call 988');
    customElements.define('late-provider', class extends PeerSupportProvider {});
    await until(() => banner.shadowRoot!.textContent!.includes('Llamar al 988'));
  });

  it('refuses an api-base that is not https with a clear console error and a peer-error event', async () => {
    const errors = captureConsole('error');
    try {
      const el = document.createElement('peer-support-provider');
      el.setAttribute('api-base', 'http://api.example.com/peer');
      const probe = document.createElement('config-probe') as ConfigProbe;
      el.append(probe);
      const event = oneEvent(el, 'peer-error') as Promise<PeerErrorEvent>;
      document.body.append(el);
      const { detail } = await event;
      expect(detail.kind).to.equal('config');
      expect(detail.message).to.contain('use https:');
      expect(errors.messages.join('\n')).to.contain('http://api.example.com/peer');
      expect(probe.value?.client).to.be.undefined;
      el.remove();
    } finally {
      errors.restore();
    }
  });

  it('reports a program that fails to load with peer-error, without personal data', async () => {
    worker.use(http.get('/api/program', () => HttpResponse.json({ nope: true })));
    const el = document.createElement('peer-support-provider');
    el.setAttribute('api-base', '/api');
    const event = oneEvent(el, 'peer-error') as Promise<PeerErrorEvent>;
    document.body.append(el);
    try {
      const { detail } = await event;
      expect(detail.kind).to.equal('validation');
      expect(detail.endpoint).to.equal('getProgram');
      expect(Object.keys(detail).sort()).to.deep.equal(['endpoint', 'kind', 'message', 'status']);
    } finally {
      el.remove();
    }
  });
});

describe('data elements', () => {
  it('use their own api-base outside a provider', async () => {
    const el = await fixture<ProgramName>(html`<program-name api-base="/api"></program-name>`);
    await until(() => el.shadowRoot!.textContent!.includes(programVariants.reference.name));
    expectCrisisLine(el);
    await expect(el).to.be.accessible();
  });

  it("use the provider's client and program inside one", async () => {
    worker.use(http.get('/api/program', () => HttpResponse.json(programVariants.campusCrisisLine)));
    const wrapper = await fixture<PeerSupportProvider>(html`
      <peer-support-provider api-base="/api">
        <program-name api-base="https://ignored.example.org"></program-name>
        <config-probe></config-probe>
      </peer-support-provider>
    `);
    const el = wrapper.querySelector<ProgramName>('program-name')!;
    const probe = wrapper.querySelector<ConfigProbe>('config-probe')!;
    await until(() => el.shadowRoot!.textContent!.includes(programVariants.campusCrisisLine.name));
    expect(el.usedClient).to.equal(probe.value!.client);
    const phone = programVariants.campusCrisisLine.crisisLine!.phone;
    await until(() => deepLinks(el).find((a) => a.getAttribute('href') === `tel:${phone}`));
  });

  it('show an error, a retry button and the crisis line when loading fails', async function () {
    this.timeout(20000);
    worker.use(http.get('/api/program', () => HttpResponse.error()));
    const el = await fixture<ProgramName>(html`<program-name api-base="/api"></program-name>`);
    const retry = await until(
      () => el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry'),
      15000,
    );
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('offline');
    expect(isShown(retry)).to.be.true;
    expectCrisisLine(el);
    await expect(el).to.be.accessible();
    worker.resetHandlers();
    retry.click();
    await until(() => el.shadowRoot!.textContent!.includes(programVariants.reference.name), 5000);
  });

  it('refuse a non-https api-base and still show the crisis line', async () => {
    const errors = captureConsole('error');
    try {
      const el = await fixture<ProgramName>(
        html`<program-name api-base="ftp://files.example.org"></program-name>`,
      );
      await el.task.taskComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('no client');
      expect(errors.messages.join('\n')).to.contain('ftp://files.example.org');
      expectCrisisLine(el);
    } finally {
      errors.restore();
    }
  });
});
