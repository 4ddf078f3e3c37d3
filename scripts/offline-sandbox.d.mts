import type { ChildProcess } from 'node:child_process';

/** Starts the offline Amazon Pay sandbox and registers the merchant's key with it. */
export function startOfflineSandbox(options: {
  key: { publicKeyId: string; publicKey: string };
  appUrl: string;
  port: string;
  env: NodeJS.ProcessEnv;
}): Promise<{ url: string; child: ChildProcess } | undefined>;
