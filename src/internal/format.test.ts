import { expect } from '@open-wc/testing';
import { languageName } from './format.js';

describe('languageName', () => {
  it('names a language in the locale asked for', () => {
    expect(languageName('es', 'en')).to.equal('Spanish');
    expect(languageName('es', 'es')).to.equal('español');
    expect(languageName('ase', 'en')).to.equal('American Sign Language');
  });

  it('never shows a bare code when a name exists somewhere (ASL in Spanish)', () => {
    expect(languageName('ase', 'es')).to.equal('lengua de señas americana');
    expect(languageName('ase', 'es-MX')).to.equal('lengua de señas americana');
  });

  it('falls back to English, then to the code', () => {
    expect(languageName('es', 'xx-not-a-locale-!')).to.equal('Spanish');
    expect(languageName('zzz', 'es')).to.equal('zzz');
  });
});
