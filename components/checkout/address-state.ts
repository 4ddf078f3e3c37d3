import type { AmazonButtonBase } from '@/lib/amazon-pay/server';
import type { AddressForm, AddressFormField } from '@/lib/checkout/apb-address';
import type { AddressQuote } from '@/lib/checkout/apb-checkout';

/** What "Check out with your address" shows after each submit (useActionState). */
export interface AddressCheckoutState {
  /** What the shopper typed, so the form shows it again. */
  values: Record<string, string>;
  errors?: Partial<Record<AddressFormField, string[]>>;
  message?: string;
  /** The server's totals for the address, and the button that pays them. */
  quote?: AddressQuote & { form: AddressForm; button: AmazonButtonBase };
}
