/** Stylesheets imported for their side effect (Vite adds them to the preview's document). */
declare module '*.css';
