import { expect } from '@open-wc/testing';
import { createAutoloader } from './autoloader.js';
import { until } from '../../test/support/until.js';

/** The autoloader on its own, with stand-in chunks (the built loader is in test/loader.test.ts). */
describe('createAutoloader', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('[data-autoloader-test]')) el.remove();
  });

  const add = (tag: string): HTMLElement => {
    const el = document.createElement(tag);
    el.dataset.autoloaderTest = '';
    document.body.append(el);
    return el;
  };

  it('takes a newer copy’s tags with register(), for tags already on the page', async () => {
    const { register } = createAutoloader({});
    add('x-newer-tag');
    let asked: Element | undefined;
    register({
      'x-newer-tag': async (element) => {
        asked = element;
        customElements.define('x-newer-tag', class extends HTMLElement {});
      },
    });
    await until(() => customElements.get('x-newer-tag'));
    expect(asked?.localName, 'the loader is given the element it loads for').to.equal(
      'x-newer-tag',
    );
  });

  it('reports a file that loaded but defined nothing, with peer-error kind load', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      createAutoloader({ 'x-defines-nothing': async () => undefined });
      const el = add('x-defines-nothing');
      const event = await new Promise<CustomEvent>((resolve) =>
        el.addEventListener('peer-error', (e) => resolve(e as CustomEvent), { once: true }),
      );
      expect(event.detail).to.include({ kind: 'load', tag: 'x-defines-nothing' });
      expect(String(errors[0])).to.contain('did not define it');
    } finally {
      console.error = original;
    }
  });
});
