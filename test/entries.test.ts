import { expect } from '@open-wc/testing';

/**
 * What each entry registers, as the README says: `peer-support-widgets/define` registers every
 * element (it once left the directory out), and the README's examples put no compact crisis
 * banner beside a data element, which already shows its own crisis line.
 */
describe('peer-support-widgets/define', () => {
  it('registers every element, the directory with its profile panel', async () => {
    const tags = [
      'crisis-banner',
      'peer-support-provider',
      'peer-directory',
      'peer-booking',
      'gift-card-purchase',
    ];
    for (const tag of tags) {
      expect(customElements.get(tag), `${tag} before the import`).to.equal(undefined);
    }
    await import('../src/define.js');
    for (const tag of tags) {
      expect(customElements.get(tag), tag).to.exist;
    }
    document.body.append(document.createElement('peer-directory'));
    expect(customElements.get('peer-supporter-profile'), 'profile panel').to.exist;
    document.querySelector('peer-directory')!.remove();
  });
});

describe('README examples', () => {
  it('never put a compact <crisis-banner> beside a data element', async () => {
    const readme = await (await fetch('/README.md')).text();
    const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const withData = blocks.filter((block) =>
      /<peer-(directory|booking)\b|<gift-card-purchase\b/.test(block),
    );
    expect(withData.length, 'examples with a data element').to.be.greaterThan(0);
    for (const block of withData) expect(block).to.not.match(/variant="compact"/);
  });

  it('load the script tag as a module, from the folder the loader lives in', async () => {
    const readme = await (await fetch('/README.md')).text();
    const tags = [...readme.matchAll(/<script\b[^>]*src="[^"]*peer-support-widgets\.js"[^>]*>/g)];
    expect(tags.length).to.be.greaterThan(0);
    for (const [tag] of tags) expect(tag).to.contain('type="module"');
  });
});
