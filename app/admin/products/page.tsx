import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { StockForm } from '@/components/admin/products/stock-form';
import { DataTable, Td } from '@/components/ui/table';
import { requireAdminPage } from '@/lib/auth';
import { PRODUCT_KIND_LABELS } from '@/lib/catalog/types';
import { listProductStock } from '@/lib/catalog/stock';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Products · Admin', robots: { index: false } };

export default async function AdminProductsPage() {
  const session = await requireAdminPage();
  const products = await listProductStock(await getDb());
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/products">
      <h1 className="text-2xl font-semibold text-ink">Products</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Stock is the number of units still to sell; orders awaiting payment already hold theirs, and a declined or canceled one
        gives them back. Leave it empty for unlimited (downloads, the subscription).
      </p>
      <div className="card mt-6 overflow-x-auto">
        <DataTable columns={['Product', 'Kind', 'Stock']} label="Stock by product">
          {products.map((product) => (
            <tr key={product.id}>
              <Td>
                <span className="font-medium text-ink">{product.name}</span>
                {product.active ? null : <span className="ml-2 text-ink-muted">(not on sale)</span>}
              </Td>
              <Td>{PRODUCT_KIND_LABELS[product.kind]}</Td>
              <Td>
                <StockForm productId={product.id} productName={product.name} stock={product.stock} />
              </Td>
            </tr>
          ))}
        </DataTable>
      </div>
    </AdminShell>
  );
}
