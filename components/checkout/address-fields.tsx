import type { ShippingOption } from '@/lib/checkout/pricing';
import type { AddressFormField } from '@/lib/checkout/apb-address';

export interface CountryOption {
  code: string;
  name: string;
}

const INPUT = 'rounded-lg border border-black/15 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-red-600';

/** One labelled control with its error, announced as it appears and linked to the control. */
function Field({
  field,
  label,
  errors,
  children,
}: {
  field: AddressFormField;
  label: string;
  errors: Partial<Record<AddressFormField, string[]>>;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby': string }) => React.ReactNode;
}) {
  const id = `address-${field}`;
  const error = errors[field]?.[0];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children({ id, name: field, 'aria-invalid': error ? true : undefined, 'aria-describedby': `${id}-error` })}
      <p id={`${id}-error`} aria-live="polite" data-testid={`${id}-error`} className="text-sm text-red-700">
        {error ?? ''}
      </p>
    </div>
  );
}

/** The address form's controls, filled with what was last sent. */
export function AddressFields({
  values,
  errors,
  countries,
  shippingOptions,
}: {
  values: Record<string, string>;
  errors: Partial<Record<AddressFormField, string[]>>;
  countries: CountryOption[];
  shippingOptions: Pick<ShippingOption, 'method' | 'label'>[];
}) {
  const text = (field: AddressFormField, label: string, autoComplete: string, type = 'text') => (
    <Field field={field} label={label} errors={errors}>
      {(props) => (
        <input {...props} type={type} autoComplete={autoComplete} defaultValue={values[field] ?? ''} className={INPUT} />
      )}
    </Field>
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">{text('name', 'Full name', 'shipping name')}</div>
      <div className="sm:col-span-2">{text('addressLine1', 'Street and house number', 'shipping address-line1')}</div>
      <div className="sm:col-span-2">{text('addressLine2', 'Apartment, suite, etc. (optional)', 'shipping address-line2')}</div>
      {text('city', 'Town or city', 'shipping address-level2')}
      {text('stateOrRegion', 'State or region (optional)', 'shipping address-level1')}
      {text('postalCode', 'Postal code', 'shipping postal-code')}
      <Field field="countryCode" label="Country" errors={errors}>
        {(props) => (
          <select {...props} autoComplete="shipping country" defaultValue={values['countryCode'] ?? ''} className={INPUT}>
            <option value="">Choose a country</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:col-span-2">{text('phoneNumber', 'Phone (for the courier)', 'shipping tel', 'tel')}</div>
      <fieldset className="sm:col-span-2 flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-ink">Delivery</legend>
        {shippingOptions.map((option) => (
          <label key={option.method} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="shippingMethod"
              value={option.method}
              defaultChecked={(values['shippingMethod'] || 'standard') === option.method}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
