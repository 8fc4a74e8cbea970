/**
 * A React 19 host as a partner writes it, type-checked against the built package by
 * test/node/framework-types.test.mjs. Every `@ts-expect-error` is a mistake the types must catch:
 * were it to compile, tsc would report the directive as unused and the test would fail.
 */
import { useRef, useState, type ComponentProps, type JSXElementConstructor } from 'react';
import type {
  CrisisBannerJsxProps,
  GiftCardPurchaseJsxProps,
  PeerBookingJsxProps,
  PeerDirectoryJsxProps,
  PeerSupportProviderJsxProps,
} from 'peer-support-widgets/jsx';
import type { PeerDirectory, SupporterSelection } from 'peer-support-widgets';
import {
  CrisisBanner as CrisisBannerComponent,
  GiftCardPurchase as GiftCardPurchaseComponent,
  PeerBooking as PeerBookingComponent,
  PeerDirectory as PeerDirectoryComponent,
  PeerSupportProvider as PeerSupportProviderComponent,
} from 'peer-support-widgets/react';

/** `peer-supporter-selected` -> `PeerSupporterSelected` */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;
/** The wrapper props a JSX element's `onpeer-…` handlers call for: `onPeerSupporterSelected`… */
type CamelEvents<Jsx> = {
  [K in keyof Jsx]-?: K extends `on${infer Name extends `peer-${string}`}`
    ? `on${Pascal<Name>}`
    : never;
}[keyof Jsx];
/** The events (from the manifest, through the JSX types) that a wrapper has no prop for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what ComponentProps asks
type Missing<Wrapper extends JSXElementConstructor<any>, Jsx> = Exclude<
  CamelEvents<Jsx>,
  keyof ComponentProps<Wrapper>
>;
type None<T extends never> = T;

// Every wrapper has a camelCase prop for every peer-* event its element fires.
export type EveryEventHasAProp = [
  None<Missing<typeof CrisisBannerComponent, CrisisBannerJsxProps>>,
  None<Missing<typeof PeerSupportProviderComponent, PeerSupportProviderJsxProps>>,
  None<Missing<typeof PeerDirectoryComponent, PeerDirectoryJsxProps>>,
  None<Missing<typeof PeerBookingComponent, PeerBookingJsxProps>>,
  None<Missing<typeof GiftCardPurchaseComponent, GiftCardPurchaseJsxProps>>,
];
// The check itself can fail: a wrapper without its events misses some.
// @ts-expect-error -- a component with no event props misses onPeerSupporterSelected
export type CheckCanFail = None<Missing<typeof CrisisBannerComponent, PeerDirectoryJsxProps>>;

export function Host() {
  const [selection, setSelection] = useState<SupporterSelection>();
  const [booked, setBooked] = useState('');
  const directory = useRef<PeerDirectory>(null);
  return (
    <peer-support-provider api-base="/api" locale="es">
      <peer-directory
        ref={directory}
        apiBase="/api"
        pageSize={5}
        topics={['anxiety']}
        length-minutes={60}
        className="directory"
        onpeer-supporter-selected={(event) => {
          setSelection(event.detail);
          const supporter: string = event.detail.supporterId;
          const start: string | undefined = event.detail.slotStart;
          event.currentTarget.pageSize = 10;
          return [supporter, start];
        }}
        onpeer-error={(event) => console.warn(event.detail.kind, event.detail.message)}
      />
      <peer-booking
        supporterId={selection?.supporterId}
        slotStart={selection?.slotStart}
        lengthMinutes={selection?.lengthMinutes}
        gift-code-from-url
        onpeer-booking-requested={(event) =>
          setBooked(`${event.detail.bookingId} ${event.detail.status}`)
        }
        onpeer-payment-required={(event) => {
          event.preventDefault();
          console.info(event.detail.checkoutUrl, event.detail.bookingId);
        }}
      />
      <crisis-banner variant="docked" extra-phone="5415550199" />
      <gift-card-purchase
        mode="balance"
        onpeer-gift-card-purchased={(event) => event.detail.sessions}
      />
      <p>{booked}</p>

      {/* @ts-expect-error -- pageSize is a number */}
      <peer-directory pageSize="5" />
      {/* @ts-expect-error -- sort is 'next-available' | 'name' */}
      <peer-directory sort="random" />
      {/* @ts-expect-error -- the variant of a crisis banner is inline, compact or docked */}
      <crisis-banner variant="floating" />
      {/* @ts-expect-error -- not a property of <peer-booking> */}
      <peer-booking supporterID="sup-1" />
      <peer-directory
        onpeer-supporter-selected={(event) => {
          // @ts-expect-error -- the selection carries ids and times, no name
          console.info(event.detail.supporterName);
        }}
      />
      <peer-booking
        onpeer-booking-requested={(event) => {
          // @ts-expect-error -- status is a string union, not a number
          const status: number = event.detail.status;
          return status;
        }}
      />

      {/* The @lit/react wrappers: camelCase event props. */}
      <PeerDirectoryComponent
        pageSize={1}
        onPeerSupporterSelected={(event) => setSelection(event.detail)}
        onPeerError={(event) => console.warn(event.detail.kind)}
      />
      <PeerBookingComponent
        supporterId={selection?.supporterId}
        onPeerBookingRequested={(event) => setBooked(event.detail.bookingId)}
        onPeerPaymentRequired={(event) => event.preventDefault()}
      />
      {/* @ts-expect-error -- pageSize is a number */}
      <PeerDirectoryComponent pageSize="1" />
      <PeerDirectoryComponent
        onPeerSupporterSelected={(event) => {
          // @ts-expect-error -- no such field in the detail
          console.info(event.detail.email);
        }}
      />
    </peer-support-provider>
  );
}
