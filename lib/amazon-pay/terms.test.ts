import { describe, expect, it } from 'vitest';
import { amazonTermLabel, amazonTermWords, isKnownAmazonTerm, splitAmazonTerms } from './terms';

describe('Amazon Pay terms in words', () => {
  it('words the states and reason codes of checkout sessions, charge permissions, charges and refunds', () => {
    const codes = [
      'Open',
      'Completed',
      'Canceled',
      'BuyerCanceled',
      'AmazonCanceled',
      'Expired',
      'Chargeable',
      'NonChargeable',
      'Closed',
      'MerchantClosed',
      'AmazonClosed',
      'AuthorizationInitiated',
      'Authorized',
      'CaptureInitiated',
      'Captured',
      'Declined',
      'SoftDeclined',
      'HardDeclined',
      'AmazonRejected',
      'ProcessingFailure',
      'TransactionTimedOut',
      'ExpiredUnused',
      'MerchantCanceled',
      'ChargePermissionCanceled',
      'RefundInitiated',
      'Refunded',
    ];
    for (const code of codes) {
      const words = amazonTermWords(code);
      expect(words, code).not.toBeNull();
      // One-word English states may keep their word; every CamelCase code gets real words.
      if (/[a-z][A-Z]/.test(code)) expect(words!.label, code).not.toBe(code);
      expect(words!.meaning).toMatch(/\.$/);
    }
    expect(amazonTermLabel('HardDeclined')).toBe('Declined for good');
    expect(amazonTermLabel('Authorized')).toBe('Payment held');
    expect(amazonTermLabel('BuyerCanceled')).toBe('Canceled by the buyer');
  });

  it('shows a code it does not know as Amazon sent it', () => {
    expect(isKnownAmazonTerm('SomethingNew')).toBe(false);
    expect(amazonTermWords('SomethingNew')).toBeNull();
    expect(amazonTermLabel('SomethingNew')).toBe('SomethingNew');
    // Not inherited object keys either.
    expect(amazonTermWords('toString')).toBeNull();
  });

  it('finds the known codes in free text, leaving English words and unknown codes alone', () => {
    expect(splitAmazonTerms('AmazonPayError: HardDeclined on charge S01-1. Open a ticket; UnknownThing happened')).toEqual([
      { text: 'AmazonPayError: ' },
      { code: 'HardDeclined' },
      { text: ' on charge S01-1. Open a ticket; UnknownThing happened' },
    ]);
    expect(splitAmazonTerms('MFAFailed')).toEqual([{ code: 'MFAFailed' }]);
    expect(splitAmazonTerms('')).toEqual([]);
  });
});
