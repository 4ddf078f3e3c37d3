/** Minimal response bodies per resource, shaped as Amazon's API reference and the official SDKs' tests show them. Test-only. */

export const checkoutSessionFixture = {
  checkoutSessionId: 'cs-1',
  webCheckoutDetails: { amazonPayRedirectUrl: 'https://apay-us.amazon.com/checkout/processing?amazonCheckoutSessionId=cs-1' },
  paymentDetails: { paymentIntent: 'Authorize', chargeAmount: { amount: '14.00', currencyCode: 'USD' } },
  statusDetails: { state: 'Open', reasonCode: null, reasonDescription: null, lastUpdatedTimestamp: '20201023T211909Z' },
  shippingAddressList: [JSON.stringify({ name: 'Ada', city: 'London', countryCode: 'GB' })],
  constraints: [],
  somethingAmazonAddedLater: { nested: true },
};

export const chargePermissionFixture = {
  chargePermissionId: 'S01-0000000-0000000',
  statusDetails: { state: 'Chargeable', reasons: null, lastUpdatedTimestamp: '20201023T211909Z' },
  limits: { amountLimit: { amount: '100.00', currencyCode: 'USD' }, amountBalance: { amount: '86.00', currencyCode: 'USD' } },
};

export const chargeFixture = {
  chargeId: 'S01-0000000-0000000-C000000',
  chargeAmount: { amount: '14.00', currencyCode: 'USD' },
  statusDetails: { state: 'Authorized', reasonCode: null },
};

export const refundFixture = {
  refundId: 'S01-5105180-3221187-R022311',
  chargeId: 'S01-5105180-3221187-C056351',
  refundAmount: { amount: '14.00', currencyCode: 'USD' },
  softDescriptor: 'Descriptor',
  creationTimestamp: '20190714T155300Z',
  statusDetails: {
    state: 'RefundInitiated',
    reasonCode: null,
    reasonDescription: null,
    lastUpdatedTimestamp: '20190714T155300Z',
  },
  releaseEnvironment: 'Sandbox',
};

export const buyerFixture = { buyerId: 'amzn1.account.X', name: 'Ada', email: 'ada@example.com' };

export const reportFixture = {
  reportId: 'R1',
  reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_',
  processingStatus: 'COMPLETED',
  reportDocumentId: 'D1',
};

export const reportScheduleFixture = {
  reportScheduleId: 'RS1',
  reportType: 'T',
  scheduleFrequency: 'P1D',
  nextReportCreationTime: '20240101T000000Z',
};
