/** Stylesheets imported for their side effect (Vite adds them to the preview's document). */
declare module '*.css';

/** A file's text, as Vite's `?raw` suffix gives it. */
declare module '*?raw' {
  const text: string;
  export default text;
}
