import type PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/connection';
import { selectRows } from '@/lib/db/rows';
import { deliverEmail, queuedEmailsDue, type OutboxDispatcher } from '@/lib/email';
import { defineJob } from './definitions';
import { asPostgresText } from './queue';

export const SEND_EMAIL = 'email-send';
export const EMAIL_OUTBOX_SWEEP = 'email-outbox-sweep';

/**
 * Sends one outbox message. 30 s, doubling, five retries: about fifteen minutes for an SMTP
 * server to come back, then the message is marked failed and shows so in the admin outbox.
 */
export const sendEmailJob = defineJob({
  name: SEND_EMAIL,
  title: 'E-mail delivery',
  description: 'Sends each message of the e-mail outbox over SMTP, or keeps it offline when no SMTP server is set.',
  payload: z.object({ outboxId: z.uuid() }),
  // One run and one waiting per message: the sweep re-queueing a message already waiting adds nothing.
  policy: 'stately',
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  run: ({ outboxId }, { db }) => deliverEmail(db, outboxId),
});

/** Every minute, queues again the messages whose send job was lost (a crash after commit, a queue that refused it). */
export const emailOutboxSweepJob = defineJob({
  name: EMAIL_OUTBOX_SWEEP,
  title: 'E-mail outbox sweep',
  description: 'Every minute, queues a send for each outbox message that has waited more than a minute.',
  payload: z.object({ trigger: z.enum(['schedule', 'admin']).default('schedule') }),
  policy: 'singleton',
  retryLimit: 2,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  cron: '* * * * *',
  async run(_payload, { db, enqueue }) {
    const due = await queuedEmailsDue(db);
    let queued = 0;
    for (const outboxId of due) {
      if (await enqueue(sendEmailJob, { outboxId }, { singletonKey: outboxId })) queued += 1;
    }
    return { due: due.length, queued };
  },
});

/** pg-boss's numbered parameters as Drizzle parameters, given as text the way pg-boss expects (see queue.ts). */
function withParameters(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${asPostgresText(values[Number(part) - 1])}`)),
  );
}

/** Lets pg-boss write its job row through a Drizzle transaction. */
function transactionExecutor(db: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      return { rows: await selectRows(db, withParameters(text, values ?? [])) };
    },
  };
}

/**
 * Queues the send job in the transaction that writes the outbox row
 * (https://github.com/timgit/pg-boss/blob/master/docs/readme.md, send's `db` option): the
 * job becomes visible when the row is committed, and a rollback takes both away.
 */
export function outboxDispatcher(boss: PgBoss): OutboxDispatcher {
  return async (db, outboxId) => {
    const payload = sendEmailJob.payload.parse({ outboxId });
    await boss.send(SEND_EMAIL, payload, { singletonKey: outboxId, db: transactionExecutor(db) });
  };
}
