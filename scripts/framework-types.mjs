#!/usr/bin/env node
/**
 * Types for framework templates, generated from custom-elements.json after `tsc` has written
 * dist/types (scripts/build.mjs calls it last):
 *
 * - `peer-support-widgets/jsx` (dist/types/jsx.d.ts): React 19's `JSX.IntrinsicElements`, with
 *   each element's properties, its kebab-case attributes and an `onpeer-…` handler per event whose
 *   argument is the event's class (so `event.detail` is typed);
 * - `peer-support-widgets/vue` (dist/types/vue.d.ts): Vue's `GlobalComponents`, for `vue-tsc`
 *   (`strictTemplates` included), with the same properties and an `onPeer…` prop per event.
 *
 * Each has an empty JavaScript module beside it (dist/jsx.js, dist/vue.js), so a side-effect
 * `import 'peer-support-widgets/jsx'` is harmless at run time too.
 *
 * Why our own generator: @wc-toolkit/jsx-types 1.8.2 and custom-element-vuejs-integration 1.4.0
 * were run on this manifest, and their output compiled with tsc. Neither compiled: the JSX file
 * uses the event classes without importing them (TS2304), the Vue file imports the same names
 * twice (TS2300) and indexes `CrisisBanner["undefined"]` (TS2339), and both extend the global
 * `JSX.IntrinsicElements`, which fails as soon as a project has both (TS2320). Beyond compiling,
 * the Vue file types handlers as `CustomEvent<EventClass>` (so `event.detail` would be the event,
 * not its payload), the JSX file types `ref` so that `useRef` objects are refused, augments six
 * other frameworks' modules and types every attribute of `<crisis-banner>` (a plain HTMLElement)
 * as `unknown`. A post-processor fixing all that would be larger and more fragile than this file.
 *
 * Property types are the classes' own (`PeerDirectory["pageSize"]`), read from the shipped
 * declarations, so they cannot drift from the code; the manifest says which names and events
 * exist. The build fails when the manifest names a class or an event class that the package's
 * index does not export.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** package.json exports that this script writes (no src/ entry: build.mjs skips them). */
export const generatedExports = ['./jsx', './vue'];

const header = (what) =>
  `/**\n * ${what}\n * Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n */\n`;

/** `peer-supporter-selected` -> `PeerSupporterSelected` */
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

/** A manifest type that is safe to write as it is (no names to import). */
const plainType = /^(?:string|number|boolean|'[^']*'(?: \| '[^']*')*)$/;

/** The elements of the manifest: tag, class, properties, extra attributes, events. */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const cls = declaration.name;
      const properties = (declaration.members ?? [])
        .filter(
          (member) =>
            member.kind === 'field' &&
            !member.static &&
            !member.readonly &&
            (member.privacy ?? 'public') === 'public' &&
            !member.name.startsWith('_') &&
            // `onError`-style callbacks would read as React event props.
            !/^on[A-Z]/.test(member.name),
        )
        .map((member) => ({ name: member.name, description: member.description }));
      const names = new Set(properties.map((property) => property.name));
      const attributes = (declaration.attributes ?? [])
        .filter((attribute) => !names.has(attribute.name))
        .map((attribute) => ({
          name: attribute.name,
          description: attribute.description,
          type: attribute.fieldName
            ? `${cls}[${JSON.stringify(attribute.fieldName)}]`
            : plainType.test(attribute.type?.text ?? '')
              ? attribute.type.text
              : 'string',
        }));
      const events = (declaration.events ?? [])
        .filter((event) => event.name)
        .map((event) => ({
          name: event.name,
          description: event.description,
          type: event.type?.text && /^\w+$/.test(event.type.text) ? event.type.text : undefined,
        }));
      elements.push({
        tag: declaration.tagName,
        cls,
        description: declaration.summary ?? declaration.description,
        properties,
        attributes,
        events,
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const doc = (text, indent = '  ') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';

/** The names the declarations import from the package's index. */
function importsOf(elements) {
  const names = new Set();
  for (const element of elements) {
    names.add(element.cls);
    for (const event of element.events) if (event.type) names.add(event.type);
  }
  return [...names].sort();
}

/** The props every framework file shares: properties and kebab-case attributes. */
function propsBody(element) {
  let body = '';
  for (const property of element.properties) {
    body += doc(property.description);
    body += `  ${property.name}?: ${element.cls}[${JSON.stringify(property.name)}] | undefined;\n`;
  }
  for (const attribute of element.attributes) {
    body += doc(attribute.description ?? `The \`${attribute.name}\` attribute.`);
    body += `  ${JSON.stringify(attribute.name)}?: ${attribute.type} | undefined;\n`;
  }
  return body;
}

export function jsxTypes(elements) {
  let out = header(
    "React 19 JSX types for the package's elements: `import type {} from 'peer-support-widgets/jsx'`.",
  );
  out += `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n`;
  out += `import type {\n${importsOf(elements)
    .map((name) => `  ${name},\n`)
    .join('')}} from './index.js';\n\n`;
  out += `/** An event whose \`currentTarget\` is the element the handler is on. */\n`;
  out += `export type PeerElementEvent<T extends HTMLElement, E extends Event> = E & { readonly currentTarget: T };\n\n`;
  out += `/** React's props for any element: \`key\`, \`ref\`, \`className\`, \`id\`, \`slot\`, \`children\`… */\n`;
  out += `type BaseProps<T extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<T>, T>;\n\n`;
  for (const element of elements) {
    out += doc(element.description, '');
    out += `export interface ${element.cls}JsxProps {\n${propsBody(element)}`;
    for (const event of element.events) {
      out += doc(event.description);
      out += `  ${JSON.stringify(`on${event.name}`)}?: ((event: PeerElementEvent<${element.cls}, ${event.type ?? 'Event'}>) => void) | undefined;\n`;
    }
    out += `}\n\n`;
  }
  out += `/** The package's tags, for \`JSX.IntrinsicElements\` (React's here; Preact's too, by hand). */\n`;
  out += `export interface PeerIntrinsicElements {\n`;
  for (const element of elements) {
    out += `  ${JSON.stringify(element.tag)}: BaseProps<${element.cls}> & ${element.cls}JsxProps;\n`;
  }
  out += `}\n\ndeclare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements extends PeerIntrinsicElements {}\n  }\n}\n`;
  return out;
}

export function vueTypes(elements) {
  let out = header(
    "Vue 3 template types for the package's elements: `import type {} from 'peer-support-widgets/vue'`.",
  );
  out += `import type { DefineComponent } from 'vue';\n`;
  out += `import type {\n${importsOf(elements)
    .map((name) => `  ${name},\n`)
    .join('')}} from './index.js';\n\n`;
  for (const element of elements) {
    out += doc(element.description, '');
    out += `export interface ${element.cls}VueProps {\n${propsBody(element)}`;
    for (const event of element.events) {
      // `@peer-supporter-selected` compiles to the prop `onPeerSupporterSelected`.
      out += doc(`\`@${event.name}\`: ${event.description ?? ''}`);
      out += `  on${pascal(event.name)}?: ((event: ${event.type ?? 'Event'}) => void) | undefined;\n`;
    }
    out += `}\n\n`;
  }
  out += `/** The package's tags as Vue sees them in templates. */\n`;
  out += `export interface PeerGlobalComponents {\n`;
  for (const element of elements) {
    out += `  ${JSON.stringify(element.tag)}: DefineComponent<${element.cls}VueProps>;\n`;
  }
  out += `}\n\ndeclare module 'vue' {\n  interface GlobalComponents extends PeerGlobalComponents {}\n}\n`;
  return out;
}

/** Names exported by dist/types/index.d.ts, through TypeScript (re-exports included). */
async function indexExports(typesDir) {
  const ts = (await import('typescript')).default;
  const file = resolve(typesDir, 'index.d.ts');
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file));
  return new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : []);
}

/** Writes dist/types/{jsx,vue}.d.ts and dist/{jsx,vue}.js from the manifest. */
export async function writeFrameworkTypes(root) {
  const manifest = JSON.parse(await readFile(resolve(root, 'custom-elements.json'), 'utf8'));
  const elements = elementsOf(manifest);
  if (elements.length === 0) throw new Error('custom-elements.json lists no element');
  const typesDir = resolve(root, 'dist/types');
  const exported = await indexExports(typesDir);
  const missing = importsOf(elements).filter((name) => !exported.has(name));
  if (missing.length > 0) {
    throw new Error(
      `custom-elements.json names ${missing.join(', ')}, which src/index.ts does not export`,
    );
  }
  const files = {
    'types/jsx.d.ts': jsxTypes(elements),
    'types/vue.d.ts': vueTypes(elements),
    'jsx.js': `${header('Types only: see types/jsx.d.ts.')}export {};\n`,
    'vue.js': `${header('Types only: see types/vue.d.ts.')}export {};\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    const path = resolve(root, 'dist', name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return elements;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFrameworkTypes(fileURLToPath(new URL('..', import.meta.url))).catch((error) => {
    console.error(`framework types failed: ${error.message}`);
    process.exitCode = 1;
  });
}
