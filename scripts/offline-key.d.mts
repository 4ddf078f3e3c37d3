/** The offline sandbox's merchant key pair, generated once into .data/sandbox. */
export function ensureOfflineMerchantKey(): { publicKeyId: string; publicKey: string };
