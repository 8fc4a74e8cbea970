import type { PropertyValues } from 'lit';
import type { Program } from '../../api/schemas.js';
import {
  DEFAULT_PAGE_SIZE,
  presetWarning,
  readPresets,
  type Filters,
  type Presets,
} from '../../internal/directory-query.js';

/**
 * Space- or comma-separated attribute lists: `topics="first-gen anxiety"`. Read only: the presets
 * are not reflected, so no `toAttribute`.
 */
export const list = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []),
};

/** The presets that set the filters. */
const PRESETS = [
  'topics',
  'identities',
  'languages',
  'states',
  'lengthMinutes',
  'availableWithin',
  'sort',
] as const;

/**
 * The directory's presets as last read (`readPresets`): read again when a preset or the page size
 * changes, or the program arrives, with one console warning per value that cannot be used.
 */
export class DirectoryPresets {
  /** The usable preset states: several are the directory's area, one is preselected. */
  states: string[] = [];
  pageSize = DEFAULT_PAGE_SIZE;
  private readFor?: Program | null;
  private readonly warned = new Set<string>();

  constructor(private readonly tag: string) {}

  /**
   * Undefined when nothing needs reading; else whether paging starts over, and the filters the
   * presets set when a preset changed.
   */
  update(
    host: Presets,
    changed: PropertyValues,
    program: Program | undefined,
  ): { reset: boolean; filters?: Filters } | undefined {
    const presetChanged = PRESETS.some((name) => changed.has(name));
    const reset = presetChanged || changed.has('pageSize');
    if (!reset && (program ?? null) === this.readFor) return undefined;
    this.readFor = program ?? null;
    const read = readPresets(host, program);
    for (const problem of read.problems) {
      const key = `${problem.attribute}=${problem.value}`;
      if (!this.warned.has(key)) console.warn(presetWarning(this.tag, problem));
      this.warned.add(key);
    }
    this.states = read.states;
    this.pageSize = read.pageSize;
    return presetChanged ? { reset, filters: read.filters } : { reset };
  }
}
