import type { LedgerCurrency } from '@/lib/amazon-pay/regions';
import type { ProductKind } from './types';

type SeedPrice = Record<LedgerCurrency, number>;

export interface SeedProduct {
  slug: string;
  name: string;
  tagline: string;
  description: string;
  kind: ProductKind;
  /** Minor units per ledger currency; the store seeds the one it sells in. */
  prices: SeedPrice;
  /** A digital product's file, in storage-seed/ and copied to the storage folder at start-up. */
  downloadFile?: string;
  /** Units on hand for a physical product; digital goods and the subscription are unlimited. */
  stock?: number;
}

/** The demo catalog seeded on first start. Images live at public/products/<slug>.svg. */
export const SEED_PRODUCTS: readonly SeedProduct[] = [
  {
    slug: 'ceramic-pour-over-dripper',
    name: 'Ceramic Pour-Over Dripper',
    tagline: 'Hand-glazed stoneware, brews one to two cups',
    description:
      'A heavy stoneware cone with spiral ribs that keep the filter off the wall, so water flows evenly through the bed. Fits standard #2 filters and sits steady on mugs and carafes.',
    kind: 'physical',
    prices: { USD: 3400, EUR: 3200, GBP: 2800, JPY: 4800 },
    stock: 40,
  },
  {
    slug: 'single-origin-coffee-beans',
    name: 'Single-Origin Coffee Beans',
    tagline: 'Washed Colombian from Huila, 340 g, roasted to order',
    description:
      'Sweet and round, with notes of cacao, cherry and panela. Roasted in small batches the week it ships and packed in a valved, resealable bag.',
    kind: 'physical',
    prices: { USD: 1850, EUR: 1750, GBP: 1500, JPY: 2600 },
    stock: 120,
  },
  {
    slug: 'walnut-desk-organizer',
    name: 'Walnut Desk Organizer',
    tagline: 'Solid walnut tray with three compartments',
    description:
      'Milled from a single board of American black walnut and finished with hard wax oil. Keeps pens, cards and a phone in order without taking over the desk.',
    kind: 'physical',
    prices: { USD: 6400, EUR: 5900, GBP: 5200, JPY: 9200 },
    stock: 12,
  },
  {
    slug: 'linen-apron',
    name: 'Stonewashed Linen Apron',
    tagline: 'Cross-back straps, two deep pockets',
    description:
      'Heavyweight European linen, stonewashed for a soft hand from the first wear. Cross-back straps spread the weight, so it stays comfortable through a long bake.',
    kind: 'physical',
    prices: { USD: 4200, EUR: 3900, GBP: 3400, JPY: 6000 },
    stock: 25,
  },
  {
    slug: 'enamel-camp-mug',
    name: 'Enamel Camp Mug',
    tagline: '350 ml steel mug with a speckled glaze',
    description:
      'Enamel fired over steel, light enough to pack and tough enough for the fire. The rolled rim stays cool while the coffee stays hot.',
    kind: 'physical',
    prices: { USD: 2200, EUR: 2000, GBP: 1800, JPY: 3000 },
    stock: 60,
  },
  {
    slug: 'wool-throw-blanket',
    name: 'Merino Wool Throw',
    tagline: '130 × 180 cm, woven in a herringbone twill',
    description:
      'Woven from soft merino in a classic herringbone and finished with knotted fringe. Warm without weight, and it only gets softer with every wash.',
    kind: 'physical',
    prices: { USD: 12000, EUR: 11000, GBP: 9800, JPY: 17000 },
    stock: 8,
  },
  {
    slug: 'brewing-field-guide',
    name: 'The Brewing Field Guide (e-book)',
    tagline: '180 pages, PDF and EPUB, instant download',
    description:
      'Recipes, ratios and troubleshooting for pour-over, immersion and espresso, with charts you can print for the kitchen wall. Delivered as a download link right after purchase.',
    kind: 'digital',
    prices: { USD: 1200, EUR: 1100, GBP: 1000, JPY: 1600 },
    downloadFile: 'brewing-field-guide.pdf',
  },
  {
    slug: 'latte-art-video-course',
    name: 'Latte Art Video Course',
    tagline: '12 lessons, from hearts to swans',
    description:
      'Twelve short video lessons filmed from the barista’s point of view, with slow-motion pours and practice drills. Stream on any device, forever.',
    kind: 'digital',
    prices: { USD: 4900, EUR: 4500, GBP: 3900, JPY: 6800 },
  },
  {
    slug: 'monthly-coffee-club',
    name: 'Monthly Coffee Club',
    tagline: 'A new single-origin coffee every month',
    description:
      'Each month our roasters pick a coffee they are excited about and ship 340 g to your door with tasting notes. Billed monthly through Amazon Pay; cancel any time.',
    kind: 'subscription',
    prices: { USD: 2500, EUR: 2300, GBP: 2000, JPY: 3500 },
  },
];
