import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './table';

describe('DataTable', () => {
  it('scrolls inside its own focusable container, named like the table', () => {
    const html = renderToStaticMarkup(
      <DataTable columns={['Order', 'Total']} label="Latest orders" className="mt-4">
        <tr>
          <td>NW-100001</td>
          <td>$22.00</td>
        </tr>
      </DataTable>,
    );
    expect(html).toMatch(
      /^<div class="relative max-w-full overflow-x-auto" tabindex="0" role="group" aria-label="Latest orders"><table class="w-full text-left text-sm mt-4" aria-label="Latest orders">/,
    );
    expect(html).toMatch(/<\/table><\/div>$/);
  });

  it('gives an unnamed table a focusable container without a role', () => {
    const html = renderToStaticMarkup(
      <DataTable columns={['Order']}>
        <tr>
          <td>NW-100001</td>
        </tr>
      </DataTable>,
    );
    expect(html).toMatch(/^<div class="relative max-w-full overflow-x-auto" tabindex="0"><table/);
  });
});
