import type { z } from 'zod';
import type { HttpMethod, ReadOptions, RequestSpec, Send, WriteOptions } from '../transport';

/** An operation waiting for its name, which `named` gives it. */
type Unnamed = (operation: string) => unknown;

/** Names each operation after the key it is listed under (the name its errors carry), so a table writes each name once. */
export function named<D extends Record<string, Unnamed>>(table: D): { [K in keyof D]: ReturnType<D[K]> } {
  const entries = Object.entries(table).map(([operation, define]) => [operation, define(operation)]);
  return Object.fromEntries(entries) as { [K in keyof D]: ReturnType<D[K]> };
}

type RequestParts = Pick<RequestSpec<unknown>, 'body' | 'query' | 'options'>;

/**
 * Builders for the operations whose answer `schema` parses, on Amazon's paths `<collection>`, `<collection>/<id>` and
 * `<collection>/<id>/<action>`. A builder fixes only the method, the path and the call's signature: the transport signs
 * each call and gives every POST an idempotency key.
 */
export function operationsReturning(send: Send) {
  return <T>(schema: z.ZodType<T>) => {
    const request = (operation: string, method: HttpMethod, segments: readonly string[], parts: RequestParts = {}): Promise<T> =>
      send({ operation, method, segments, ...parts, schema });
    return {
      /** For a call no builder below fits: a query, or a DELETE without a body. */
      request,
      /** GET <collection>/<id> */
      get: (collection: string) => (operation: string) => (id: string, options?: ReadOptions) =>
        request(operation, 'GET', [collection, id], { options }),
      /** POST <collection>: creates one. */
      create:
        <P>(collection: string) =>
        (operation: string) =>
        (payload: P, options?: WriteOptions) =>
          request(operation, 'POST', [collection], { body: payload, options }),
      /** <method> <collection>/<id>, or <collection>/<id>/<action>, with a JSON body. */
      write:
        <P>(method: Exclude<HttpMethod, 'GET'>, collection: string, action?: string) =>
        (operation: string) =>
        (id: string, payload: P, options?: WriteOptions) =>
          request(operation, method, action === undefined ? [collection, id] : [collection, id, action], {
            body: payload,
            options,
          }),
    };
  };
}

export type OperationsReturning = ReturnType<typeof operationsReturning>;
