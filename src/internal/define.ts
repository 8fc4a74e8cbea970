/**
 * Registers a custom element without ever throwing: a page that loads the script twice, or two
 * libraries that want the same tag, must keep working (and keep the crisis line on screen).
 */
export function safeDefine(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(
      `[peer-support-widgets] <${tag}> is already defined by another class (a second copy of the script?). Keeping the first definition.`,
    );
    return;
  }
  registry.define(tag, ctor);
}
