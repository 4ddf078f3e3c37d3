import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Northwind Goods', template: '%s · Northwind Goods' },
  description: 'Coffee gear, home goods and guides, paid for with Amazon Pay.',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = { themeColor: '#324f2c' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
