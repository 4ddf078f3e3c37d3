/**
 * Settlement columns by name, never by position: Amazon documents neither the full
 * column order nor every name (docs/amazon-pay-decisions.md), and the sandbox versions its layout
 * (`sandbox-1`, sandbox/README.md "Reports"). Names are compared case- and
 * punctuation-insensitively ("Seller Order ID" = "SellerOrderId").
 */
export type SettlementField =
  | 'postedDate'
  | 'settlementId'
  | 'amazonTransactionId'
  | 'sellerReferenceId'
  | 'sellerOrderId'
  | 'chargePermissionId'
  | 'transactionType'
  | 'amount'
  | 'percentageFee'
  | 'fixedFee'
  | 'totalFee'
  | 'netAmount'
  | 'currency'
  | 'description';

/** The first alias is the name the sandbox writes (Amazon's own name where settlement-reports.html lists one). */
export const SETTLEMENT_FIELD_ALIASES: Readonly<Record<SettlementField, readonly string[]>> = {
  postedDate: ['TransactionPostedDate', 'PostedDate', 'TransactionDate', 'Date'],
  settlementId: ['SettlementId'],
  amazonTransactionId: ['AmazonTransactionId', 'AmazonTransactionID', 'TransactionId', 'AmazonId'],
  sellerReferenceId: ['SellerReferenceId', 'MerchantReferenceId', 'SellerReference'],
  sellerOrderId: ['SellerOrderId', 'MerchantOrderId', 'OrderId'],
  chargePermissionId: ['ChargePermissionId', 'AmazonOrderReferenceId', 'OrderReferenceId'],
  transactionType: ['TransactionType', 'Type'],
  amount: ['TransactionAmount', 'Amount', 'GrossAmount', 'GrossTransactionAmount'],
  percentageFee: ['TransactionPercentageFee', 'PercentageFee'],
  fixedFee: ['TransactionFixedFee', 'FixedFee'],
  totalFee: ['TotalTransactionFee', 'TransactionFee', 'TotalFee', 'Fees', 'Fee'],
  netAmount: ['NetTransactionAmount', 'NetAmount', 'Net'],
  currency: ['CurrencyCode', 'Currency', 'TransactionCurrencyCode'],
  description: ['TransactionDescription', 'Description'],
};

export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_NAME: ReadonlyMap<string, SettlementField> = new Map(
  (Object.entries(SETTLEMENT_FIELD_ALIASES) as [SettlementField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normalizeColumnName(alias), field] as const),
  ),
);

export function fieldForColumn(name: string): SettlementField | undefined {
  return FIELD_BY_NAME.get(normalizeColumnName(name));
}

export interface ColumnMap {
  readonly index: Readonly<Partial<Record<SettlementField, number>>>;
  /** Columns we do not know, kept per row as `extra`. */
  readonly unknown: readonly { name: string; index: number }[];
}

/** The first column wins when two map to one field (a file with both "Fees" and "TotalTransactionFee"). */
export function mapColumns(header: readonly string[]): ColumnMap {
  const index: Partial<Record<SettlementField, number>> = {};
  const unknown: { name: string; index: number }[] = [];
  header.forEach((rawName, i) => {
    const name = rawName.trim();
    if (name === '') return;
    const field = fieldForColumn(name);
    if (field === undefined) unknown.push({ name, index: i });
    else if (index[field] === undefined) index[field] = i;
  });
  return { index, unknown };
}

/** A header row names at least the transaction id and the amount. */
export function isSettlementHeader(record: readonly string[]): boolean {
  const fields = new Set(record.map((cell) => fieldForColumn(cell.trim())));
  return fields.has('amazonTransactionId') && fields.has('amount');
}
