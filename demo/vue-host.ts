/**
 * A Vue 3 host, with render functions: the runtime-only build of Vue, so no template compiler
 * (which needs `eval`) in the page. Vue sets a prop as a property when the element has it, that is
 * once the element is defined, so the element entries (`peer-support-widgets/peer-directory`, …)
 * are imported before the app mounts. The page listens to the `peer-*` events
 * (`onPeerSupporterSelected` in a render function is `@peer-supporter-selected` in a template),
 * passes the directory's choice to the booking as properties, and shows what it heard.
 *
 * It imports the package by name, as a partner's app does: `npm start` builds dist/ first.
 */
import { createApp, defineComponent, h, ref } from 'vue';
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
import { skipCheckout, startDemoBackend } from './hosts.js';

const App = defineComponent(() => {
  const selection = ref<SupporterSelection>();
  const heard = ref<string[]>([]);
  const hear = (line: string) => heard.value.push(line);
  const onPeerError = ({ detail }: PeerErrorEvent) => hear(`peer-error: ${detail.kind}`);

  return () => [
    h('main', [
      h('h1', 'Find and book a peer supporter'),
      h(
        'p',
        { class: 'lede' },
        'This page is a Vue 3 app. Choose a supporter (or one of their open times), and the booking below picks up your choice.',
      ),
      h('peer-directory', {
        apiBase: '/api',
        pageSize: 3,
        onPeerSupporterSelected: ({ detail }: PeerSupporterSelectedEvent) => {
          selection.value = detail;
          hear(
            `peer-supporter-selected: ${detail.supporterId}${detail.slotStart ? ` at ${detail.slotStart}` : ''}`,
          );
        },
        onPeerError,
      }),
      h('peer-booking', {
        apiBase: '/api',
        supporterId: selection.value?.supporterId,
        slotStart: selection.value?.slotStart,
        lengthMinutes: selection.value?.lengthMinutes,
        onPeerPaymentRequired: (event: PeerPaymentRequiredEvent) => {
          // The demo has no checkout: stay on the page (a partner's page would go to its own).
          event.preventDefault();
          skipCheckout(event.detail);
          hear(`peer-payment-required: ${event.detail.bookingId ?? event.detail.giftCardId}`);
        },
        onPeerBookingRequested: ({ detail }: PeerBookingRequestedEvent) =>
          hear(`peer-booking-requested: ${detail.bookingId} ${detail.status} ${detail.start}`),
        onPeerError,
      }),
      h('section', { class: 'host-view', 'aria-labelledby': 'host-view-title' }, [
        h('h2', { id: 'host-view-title' }, 'What this Vue app hears'),
        h(
          'ol',
          { id: 'host-events' },
          heard.value.map((line) => h('li', line)),
        ),
      ]),
    ]),
    h('crisis-banner', { variant: 'docked' }),
  ];
});

await startDemoBackend();
createApp(App).mount('#app');
