'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { adminAction } from '@/lib/auth/admin-action';
import { setStockLevel } from '@/lib/catalog/stock';
import { getDb } from '@/lib/db';

export type StockActionResult = ActionResult<{ message: string }>;

/** Empty is unlimited; otherwise a whole number of units, up to a million. */
const stockField = z
  .string()
  .trim()
  .regex(/^(\d{1,7})?$/, 'Enter a whole number of units (0 or more), or leave it empty for unlimited.')
  .transform((value) => (value === '' ? null : Number(value)))
  .refine((value) => value === null || value <= 1_000_000, 'Enter at most 1,000,000 units.');

/** The products page's stock form: sets how many units are left to sell. */
export const setStockAction = adminAction({
  context: 'admin-set-stock',
  schema: z.object({ productId: z.uuid('There is no such product.'), stock: stockField }),
  run: async ({ productId, stock }) => {
    const product = await setStockLevel(await getDb(), productId, stock);
    revalidatePath('/admin/products');
    return {
      message: `${product.name}: ${product.stock === null ? 'unlimited' : `${product.stock} left to sell`}.`,
    };
  },
});
