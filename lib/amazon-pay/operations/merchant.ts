import type { DeliveryTrackerRequest } from '../requests';
import {
  authorizationTokenSchema,
  buyerSchema,
  deliveryTrackerSchema,
  type AuthorizationTokenResult,
  type Buyer,
  type DeliveryTrackerResult,
} from '../schemas/merchant';
import type { ReadOptions } from '../transport';
import { named, type OperationsReturning } from './define';

// buyers (https://developer.amazon.com/docs/amazon-pay-api-v2/buyer.html), deliveryTrackers
// (https://developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html),
// authorizationTokens (the .NET SDK README, https://github.com/amzn/amazon-pay-api-sdk-dotnet).
export function merchantOperations(returning: OperationsReturning) {
  const buyer = returning<Buyer>(buyerSchema);
  const tracker = returning<DeliveryTrackerResult>(deliveryTrackerSchema);
  const authorizationToken = returning<AuthorizationTokenResult>(authorizationTokenSchema);
  return {
    ...named({
      getBuyer: buyer.get('buyers'),
      deliveryTrackers: tracker.create<DeliveryTrackerRequest>('deliveryTrackers'),
    }),

    /** Live only (.NET SDK README): a delegated token for calls made on a merchant's behalf. */
    getAuthorizationToken: (mwsAuthToken: string, merchantId: string, options?: ReadOptions): Promise<AuthorizationTokenResult> =>
      authorizationToken.request('getAuthorizationToken', 'GET', ['authorizationTokens', mwsAuthToken], {
        query: [['merchantId', merchantId]],
        options,
      }),
  };
}
