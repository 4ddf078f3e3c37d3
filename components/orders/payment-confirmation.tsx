'use client';

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { checkOrderAgainAction } from './actions';
import { OrderActionButton } from './order-action-button';
import { pollDelayMs } from './poll-delay';

/** What GET /api/orders/<number>/status answers. */
interface PolledStatus {
  status: string;
  final: boolean;
}

async function fetchStatus(number: string): Promise<PolledStatus> {
  const response = await fetch(`/api/orders/${encodeURIComponent(number)}/status`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`order status read failed (${response.status})`);
  return (await response.json()) as PolledStatus;
}

interface Props {
  number: string;
  /** The status the page was rendered with; any other one re-renders the page from the server. */
  status: string;
}

/** Follows a payment Amazon is still confirming: reads its status with backoff and re-renders the page when it moves. */
export function PaymentConfirmation(props: Props) {
  // One client per page: nothing about one order outlives its page.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } }));
  return (
    <QueryClientProvider client={client}>
      <Confirmation {...props} />
    </QueryClientProvider>
  );
}

function Confirmation({ number, status }: Props) {
  const router = useRouter();
  const { data, refetch } = useQuery({
    queryKey: ['order-status', number],
    queryFn: () => fetchStatus(number),
    refetchInterval: (query) =>
      query.state.data?.final ? false : pollDelayMs(query.state.dataUpdateCount + query.state.errorUpdateCount),
  });

  useEffect(() => {
    if (data && (data.status !== status || data.final)) router.refresh();
  }, [data, status, router]);

  return (
    <div className="mt-2 flex flex-col items-center gap-2" data-testid="payment-confirmation">
      <p className="text-sm text-ink-muted">
        This page updates by itself as soon as Amazon Pay answers. You can also close it: we finish your order either way.
      </p>
      <OrderActionButton
        label="Check again"
        pendingLabel="Checking with Amazon Pay…"
        variant="secondary"
        run={() => checkOrderAgainAction({ number })}
        onDone={() => void refetch()}
        testId="check-again"
      />
    </div>
  );
}
