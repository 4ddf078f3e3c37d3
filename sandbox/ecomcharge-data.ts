import { createHash } from 'node:crypto';

/**
 * Deterministic eComCharge transactions, shaped like the example transaction of
 * https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/: the
 * same seed number always yields the same transactions for a day, so the app's
 * report import can be tested against fixed figures.
 */
export type EcomStatus = 'successful' | 'failed' | 'pending' | 'incomplete' | 'expired' | (string & {});

export interface EcomTransaction {
  [key: string]: unknown;
  id: number;
  uid: string;
  status: EcomStatus;
  type: string;
  amount: number;
  currency: string;
  created_at: string;
  paid_at: string | null;
  settled_at: string | null;
}

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(2020, 0, 1);
/** Ids grow with time: day index × 1000 + position, so id order is creation order. */
const IDS_PER_DAY = 1000;

function rng(seedText: string): () => number {
  let state = createHash('sha256').update(seedText).digest().readUInt32LE(0);
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hex = (random: () => number, length: number) =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

const NAMES = [
  ['Jane', 'Smith'],
  ['Marco', 'Rossi'],
  ['Anna', 'Kowalska'],
  ['John', 'Doe'],
  ['Lena', 'Müller'],
] as const;
const CITIES = [
  ['IT', 'Milan'],
  ['DE', 'Berlin'],
  ['PL', 'Warsaw'],
  ['GB', 'London'],
  ['US', 'New York'],
] as const;
const CARDS = [
  {
    brand: 'visa',
    first_1: '4',
    bin: '420000',
    last_4: '0000',
    product: 'VISA',
    issuer_country: 'IT',
    issuer_name: 'INVESTBANK',
  },
  { brand: 'master', first_1: '5', bin: '515464', last_4: '0707', product: null, issuer_country: null, issuer_name: null },
  {
    brand: 'visa',
    first_1: '4',
    bin: '401200',
    last_4: '3101',
    product: 'VISA',
    issuer_country: 'DE',
    issuer_name: 'DEUTSCHE BANK',
  },
] as const;
const STATUSES: readonly EcomStatus[] = [
  'successful',
  'successful',
  'successful',
  'successful',
  'failed',
  'pending',
  'incomplete',
];
const TYPES = ['payment', 'payment', 'authorization', 'refund', 'p2p'] as const;

export function transactionsForDay(seed: number, dayStartMs: number): EcomTransaction[] {
  const dayIndex = Math.floor((dayStartMs - EPOCH_MS) / DAY_MS);
  const dayRandom = rng(`${seed}:${dayIndex}`);
  const count = 5 + Math.floor(dayRandom() * 20);
  const times = Array.from({ length: count }, () => Math.floor(dayRandom() * DAY_MS)).sort((a, b) => a - b);
  return times.map((offset, index) => buildTransaction(seed, dayIndex, index, EPOCH_MS + dayIndex * DAY_MS + offset));
}

function buildTransaction(seed: number, dayIndex: number, index: number, createdMs: number): EcomTransaction {
  const random = rng(`${seed}:${dayIndex}:${index}`);
  const id = 100_000 + dayIndex * IDS_PER_DAY + index;
  const status = pick(random, STATUSES);
  const type = pick(random, TYPES);
  const [first, last] = pick(random, NAMES);
  const [country, city] = pick(random, CITIES);
  const card = pick(random, CARDS);
  const amount = 100 * (1 + Math.floor(random() * 200)) + (random() < 0.5 ? 0 : 99);
  const currency = pick(random, ['USD', 'EUR', 'GBP'] as const);
  const uid = `${String(id % 100_000).padStart(5, '0')}-${hex(random, 10)}`;
  const ok = status === 'successful';
  const rate = ok ? 2.5 : 0;
  const fee = ok ? Math.round(amount * 0.025) / 100 : 0;
  const message = ok ? 'Successfully processed' : status === 'failed' ? 'Card check error' : null;
  const block = {
    gateway_id: 2,
    ref_id: ok ? hex(random, 12) : null,
    message,
    status,
    auth_code: ok ? hex(random, 6) : null,
    bank_code: ok ? '05' : null,
    rrn: ok ? String(Math.floor(random() * 1e12)) : null,
    billing_descriptor: ok ? 'SANDBOX SHOP' : null,
  };
  return {
    billing_address: {
      first_name: first,
      last_name: last,
      address: `${1 + Math.floor(random() * 200)} Main Street`,
      country,
      city,
      zip: null,
      state: null,
      phone: null,
      birth_date: null,
    },
    customer: { ip: '127.0.0.1', email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com` },
    [type]: block,
    credit_card: {
      holder: `${first} ${last}`,
      token: randomUuid(random),
      ...card,
      exp_month: 1 + Math.floor(random() * 12),
      exp_year: 2027 + Math.floor(random() * 4),
    },
    shop: { id: 1 },
    uid,
    id,
    payment_method_type: 'credit_card',
    status,
    message,
    amount,
    discount_rate: 0.0,
    transaction_rate: rate,
    pay_to_merchant: ok ? (amount - Math.round(amount * 0.025)) / 100 : 0.0,
    transaction_fee: fee,
    test: true,
    currency,
    description: `Order ${20_000 + index}`,
    tracking_id: `tracking_id_${String(index).padStart(3, '0')}`,
    type,
    order_id: 20_000 + dayIndex * IDS_PER_DAY + index,
    created_at: iso(createdMs),
    paid_at: ok ? iso(createdMs + 120_000) : null,
    // Settlement happens the next day for successful transactions.
    settled_at: ok ? iso(createdMs + DAY_MS) : null,
    manually_corrected_at: null,
    additional_data: { request_id: randomUuid(random) },
    three_d_secure_verification: {
      eci: ok ? '05' : '07',
      pa_status: ok ? 'Y' : null,
      xid: null,
      cavv: null,
      cavv_algorithm: null,
      ve_status: ok ? 'Y' : 'E',
      message: ok ? 'Authentication Successful' : 'Card check error',
      status: ok ? 'successful' : 'failed',
    },
  };
}

function randomUuid(random: () => number): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** All transactions whose `dateType` instant lies in [fromMs, toMs). Settlement lags a day, so the window reaches back one. */
export function transactionsBetween(
  seed: number,
  dateType: 'created_at' | 'paid_at' | 'settled_at',
  fromMs: number,
  toMs: number,
): EcomTransaction[] {
  const out: EcomTransaction[] = [];
  const firstDay = Math.floor((fromMs - EPOCH_MS) / DAY_MS) - 1;
  const lastDay = Math.floor((toMs - 1 - EPOCH_MS) / DAY_MS);
  for (let day = firstDay; day <= lastDay; day++) {
    for (const tx of transactionsForDay(seed, EPOCH_MS + day * DAY_MS)) {
      const stamp = tx[dateType];
      if (typeof stamp !== 'string') continue;
      const ms = Date.parse(stamp);
      if (ms >= fromMs && ms < toMs) out.push(tx);
    }
  }
  return out.sort((a, b) => a.id - b.id);
}
