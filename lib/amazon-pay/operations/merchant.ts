import type { DeliveryTrackerRequest } from '../requests';
import {
  authorizationTokenSchema,
  buyerSchema,
  deliveryTrackerSchema,
  type AuthorizationTokenResult,
  type Buyer,
  type DeliveryTrackerResult,
} from '../schemas/merchant';
import type { ReadOptions, Send, WriteOptions } from '../transport';

// buyers (https://developer.amazon.com/docs/amazon-pay-api-v2/buyer.html), deliveryTrackers
// (https://developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html),
// authorizationTokens (the .NET SDK README, https://github.com/amzn/amazon-pay-api-sdk-dotnet).
export function merchantOperations(send: Send) {
  return {
    getBuyer: (buyerToken: string, options?: ReadOptions): Promise<Buyer> =>
      send({ operation: 'getBuyer', method: 'GET', segments: ['buyers', buyerToken], options, schema: buyerSchema }),

    deliveryTrackers: (payload: DeliveryTrackerRequest, options?: WriteOptions): Promise<DeliveryTrackerResult> =>
      send({
        operation: 'deliveryTrackers',
        method: 'POST',
        segments: ['deliveryTrackers'],
        body: payload,
        options,
        schema: deliveryTrackerSchema,
      }),

    /** Live only (.NET SDK README): a delegated token for calls made on a merchant's behalf. */
    getAuthorizationToken: (mwsAuthToken: string, merchantId: string, options?: ReadOptions): Promise<AuthorizationTokenResult> =>
      send({
        operation: 'getAuthorizationToken',
        method: 'GET',
        segments: ['authorizationTokens', mwsAuthToken],
        query: [['merchantId', merchantId]],
        options,
        schema: authorizationTokenSchema,
      }),
  };
}
