/**
 * A React 19 host, two ways (react.html, and react.html?components for the second):
 * - the elements as JSX tags, typed by `peer-support-widgets/jsx`, listening with `onpeer-…`
 *   props. React 19 sets a prop as a property only on an element that is already defined, so the
 *   element entries (`peer-support-widgets/peer-directory`, …) are imported before the first
 *   render, and `pageSize={3}` reaches the directory as the number 3;
 * - the `@lit/react` components of `peer-support-widgets/react` (for React 18, or for camelCase
 *   event props): `<PeerDirectory onPeerSupporterSelected={…}>`.
 * Either way the page passes the directory's choice to the booking as properties and shows the
 * `peer-*` events it heard: ids and times, nothing personal.
 *
 * It imports the package by name, as a partner's app does: `npm start` builds dist/ first.
 */
import { StrictMode, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from 'peer-support-widgets/jsx';
import 'peer-support-widgets/crisis-banner';
import 'peer-support-widgets/peer-booking';
import 'peer-support-widgets/peer-directory';
import type {
  PeerBookingRequestedEvent,
  PeerErrorEvent,
  PeerPaymentRequiredEvent,
  PeerSupporterSelectedEvent,
  SupporterSelection,
} from 'peer-support-widgets';
import { CrisisBanner, PeerBooking, PeerDirectory } from 'peer-support-widgets/react';
import { skipCheckout, startDemoBackend } from './hosts.js';

/** The host's state and its handlers, the same for tags and components. */
function useHost() {
  const [selection, setSelection] = useState<SupporterSelection>();
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (line: string) => setHeard((lines) => [...lines, line]);
  return {
    selection,
    heard,
    selected({ detail }: PeerSupporterSelectedEvent) {
      setSelection(detail);
      const at = detail.slotStart ? ` at ${detail.slotStart}` : '';
      hear(`peer-supporter-selected: ${detail.supporterId}${at}`);
    },
    paymentRequired(event: PeerPaymentRequiredEvent) {
      // The demo has no checkout: stay on the page (a partner's page would go to its own).
      event.preventDefault();
      skipCheckout(event.detail);
      hear(`peer-payment-required: ${event.detail.bookingId ?? event.detail.giftCardId}`);
    },
    requested({ detail }: PeerBookingRequestedEvent) {
      hear(`peer-booking-requested: ${detail.bookingId} ${detail.status} ${detail.start}`);
    },
    failed({ detail }: PeerErrorEvent) {
      hear(`peer-error: ${detail.kind}`);
    },
  };
}

type Host = ReturnType<typeof useHost>;

function Page({ host, how, children }: { host: Host; how: string; children: ReactNode }) {
  return (
    <main>
      <h1>Find and book a peer supporter</h1>
      <p className="lede">
        This page is a React 19 app ({how}). Choose a supporter (or one of their open times), and
        the booking below picks up your choice.
      </p>
      {children}
      <section className="host-view" aria-labelledby="host-view-title">
        <h2 id="host-view-title">What this React app hears</h2>
        <ol id="host-events">
          {host.heard.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}

/** The custom elements as JSX tags. */
function WithTags() {
  const host = useHost();
  return (
    <Page host={host} how="custom element tags">
      <peer-directory
        apiBase="/api"
        pageSize={3}
        onpeer-supporter-selected={host.selected}
        onpeer-error={host.failed}
      />
      <peer-booking
        apiBase="/api"
        supporterId={host.selection?.supporterId}
        slotStart={host.selection?.slotStart}
        lengthMinutes={host.selection?.lengthMinutes}
        onpeer-payment-required={host.paymentRequired}
        onpeer-booking-requested={host.requested}
        onpeer-error={host.failed}
      />
      <crisis-banner variant="docked" />
    </Page>
  );
}

/** The `@lit/react` components. */
function WithComponents() {
  const host = useHost();
  return (
    <Page host={host} how="@lit/react components">
      <PeerDirectory
        apiBase="/api"
        pageSize={3}
        onPeerSupporterSelected={host.selected}
        onPeerError={host.failed}
      />
      <PeerBooking
        apiBase="/api"
        supporterId={host.selection?.supporterId}
        slotStart={host.selection?.slotStart}
        lengthMinutes={host.selection?.lengthMinutes}
        onPeerPaymentRequired={host.paymentRequired}
        onPeerBookingRequested={host.requested}
        onPeerError={host.failed}
      />
      <CrisisBanner variant="docked" />
    </Page>
  );
}

await startDemoBackend();
const App = new URLSearchParams(location.search).has('components') ? WithComponents : WithTags;
createRoot(document.querySelector('#app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
