import { EmailLayout, ShippingAddressBlock } from './layout';
import type { MailProps } from './types';

/** Sent when the merchant adds a tracking number to an order. */
export function OrderShippedEmail({
  order,
  title,
  carrierCode,
  trackingNumber,
}: MailProps & { carrierCode: string; trackingNumber: string }) {
  return (
    <EmailLayout order={order} title={title}>
      <p>Your parcel is on its way.</p>
      <p>
        Carrier: {carrierCode}
        <br />
        Tracking number: {trackingNumber}
      </p>
      <ShippingAddressBlock order={order} />
    </EmailLayout>
  );
}
