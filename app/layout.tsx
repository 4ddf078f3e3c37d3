import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Northwind Goods', template: '%s · Northwind Goods' },
  description: 'Coffee gear, home goods and guides, paid for with Amazon Pay.',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = { themeColor: '#324f2c' };

// Every page carries a fresh CSP nonce (proxy.ts), so none may be prerendered without one.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
