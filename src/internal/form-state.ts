import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Field → problem code (`required`, `invalid`, a server's code ...). */
export type FieldProblems = Partial<Record<string, string>>;

/**
 * When a flow shows a field's problem, and which problem: the form helper of every flow (booking,
 * gift cards). Lion's rule: a problem shows once its field was touched and left, or once its step
 * was submitted; a server's problem for a field shows at once and stays until the field changes.
 * Validation itself is the flow's (a pure function of its draft); this holds the interaction state.
 */
export class FormState implements ReactiveController {
  private readonly touched = new Set<string>();
  private readonly submitted = new Set<string>();
  private server = new Map<string, string>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The person left the field: its problem may show. */
  touch(field: string): void {
    if (this.touched.has(field)) return;
    this.touched.add(field);
    this.host.requestUpdate();
  }

  /** The person changed the field: a server's problem with its old value no longer holds. */
  changed(field: string): void {
    if (this.server.delete(field)) this.host.requestUpdate();
  }

  /** The person tried to go on from these fields: every problem among them shows. */
  submit(fields: readonly string[]): void {
    for (const field of fields) this.submitted.add(field);
    this.host.requestUpdate();
  }

  /** Problems the server found, by field; each shows at once. */
  setServer(problems: FieldProblems): void {
    this.server = new Map(Object.entries(problems).filter((e): e is [string, string] => !!e[1]));
    this.host.requestUpdate();
  }

  /** The problem to show for `field` now, if any. */
  shown(field: string, problems: FieldProblems): string | undefined {
    const server = this.server.get(field);
    if (server) return server;
    return this.touched.has(field) || this.submitted.has(field) ? problems[field] : undefined;
  }

  /** Every shown problem among `fields`, in their order. */
  shownAll(fields: readonly string[], problems: FieldProblems): [string, string][] {
    return fields.flatMap((field) => {
      const code = this.shown(field, problems);
      return code ? [[field, code] as [string, string]] : [];
    });
  }

  /** Forgets everything: a new draft. */
  reset(): void {
    this.touched.clear();
    this.submitted.clear();
    this.server.clear();
    this.host.requestUpdate();
  }

  /**
   * Focuses the control of the first field (in `fields` order) that has a shown problem, found by
   * its `name` in `root`. Returns whether one was focused.
   */
  focusFirst(root: ParentNode, fields: readonly string[], problems: FieldProblems): boolean {
    for (const field of fields) {
      if (!this.shown(field, problems)) continue;
      const control = root.querySelector<HTMLElement>(`[name="${field}"]`);
      if (control) {
        control.focus();
        return true;
      }
    }
    return false;
  }
}
