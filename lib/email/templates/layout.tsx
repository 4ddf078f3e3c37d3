import type { ReactNode } from 'react';
import { formatMoney, money, type CurrencyCode } from '@/lib/money';
import type { OrderMailData } from './types';

const PAGE = {
  fontFamily: 'Helvetica, Arial, sans-serif',
  color: '#1f2937',
  backgroundColor: '#f8fafc',
  margin: '0',
  padding: '24px',
};
const CARD = { maxWidth: '560px', margin: '0 auto', backgroundColor: '#ffffff', padding: '24px', borderRadius: '8px' };
const MUTED = { color: '#6b7280', fontSize: '13px' };
const CELL = { padding: '4px 0' };
const AMOUNT = { padding: '4px 0', textAlign: 'right' } as const;

export function amount(minor: number, currency: CurrencyCode): string {
  return formatMoney(money(minor, currency));
}

export function EmailLayout({ order, title, children }: { order: OrderMailData; title: string; children: ReactNode }) {
  return (
    <html lang="en">
      {/* A whole e-mail document, rendered outside Next.js: next/head does not apply. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
      </head>
      <body style={PAGE}>
        <div style={CARD}>
          <p style={MUTED}>{order.storeName}</p>
          <h1 style={{ fontSize: '20px', margin: '0 0 16px' }}>{title}</h1>
          {order.buyerName && <p>Hello {order.buyerName},</p>}
          {children}
          <hr />
          <p style={MUTED}>
            Order {order.orderNumber}: <a href={order.orderUrl}>{order.orderUrl}</a>
          </p>
        </div>
      </body>
    </html>
  );
}

export function OrderLines({ order }: { order: OrderMailData }) {
  const { currency } = order;
  const totals: Array<[string, number]> = [
    ['Subtotal', order.subtotalAmount],
    ['Shipping', order.shippingAmount],
    ['Tax', order.taxAmount],
  ];
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <tbody>
        {order.lines.map((line, index) => (
          <tr key={index}>
            <td style={CELL}>
              {line.name} × {line.quantity}
            </td>
            <td style={AMOUNT}>{amount(line.lineTotalAmount, currency)}</td>
          </tr>
        ))}
        {totals.map(([label, value]) => (
          <tr key={label}>
            <td style={{ ...CELL, ...MUTED }}>{label}</td>
            <td style={{ ...AMOUNT, ...MUTED }}>{amount(value, currency)}</td>
          </tr>
        ))}
        <tr>
          <td style={{ ...CELL, fontWeight: 'bold' }}>Total</td>
          <td style={{ ...AMOUNT, fontWeight: 'bold' }}>{amount(order.totalAmount, currency)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function ShippingAddressBlock({ order }: { order: OrderMailData }) {
  const address = order.shippingAddress;
  if (!address) return null;
  const locality = [address.city, address.stateOrRegion, address.postalCode].filter(Boolean).join(', ');
  return (
    <div>
      <h2 style={{ fontSize: '15px', margin: '16px 0 4px' }}>Shipping to</h2>
      <p style={{ margin: '0' }}>
        {[address.name, ...address.lines, locality, address.countryCode].map((part, index) => (
          <span key={index}>
            {index > 0 && <br />}
            {part}
          </span>
        ))}
      </p>
    </div>
  );
}

export function PaymentDescriptor({ order }: { order: OrderMailData }) {
  if (!order.paymentDescriptor) return null;
  return <p>Payment method: Amazon Pay ({order.paymentDescriptor})</p>;
}

/** The order's files, each a signed link, with when the links stop working and where fresh ones are. */
export function DownloadLinks({ order }: { order: OrderMailData }) {
  const [first] = order.downloads;
  if (!first) return null;
  return (
    <div>
      <h2 style={{ fontSize: '15px', margin: '16px 0 4px' }}>Your downloads</h2>
      <ul style={{ margin: '0', paddingLeft: '20px' }}>
        {order.downloads.map((download) => (
          <li key={download.url}>
            <a href={download.url}>{download.name}</a>
          </li>
        ))}
      </ul>
      <p style={MUTED}>
        These links open in the browser you ordered with, or when you are signed in, until {first.expiresAt.toUTCString()}. Your
        order page always has fresh ones.
      </p>
    </div>
  );
}
