export async function register(): Promise<void> {
  // `next build` runs this in its workers too; only a serving process opens the database and starts the jobs.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { prepareServer } = await import('@/lib/startup');
    await prepareServer();
  }
}
