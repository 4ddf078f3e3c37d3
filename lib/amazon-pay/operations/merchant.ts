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

// Reference §2: buyers, deliveryTrackers, authorizationTokens.
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

    /** Live only (seed 002): a delegated token for calls made on a merchant's behalf. */
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
