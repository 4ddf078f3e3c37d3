/**
 * Test-only: next/navigation whose redirect() and notFound() throw a NavigationMarker,
 * so a test can tell Next's own signals from a real failure. Use it as
 * vi.mock('next/navigation', (importOriginal) => import('@/test/next-navigation').then((m) => m.throwingNavigation(importOriginal))).
 */
export class NavigationMarker extends Error {}

export async function throwingNavigation(importOriginal: <T>() => Promise<T>) {
  return {
    ...(await importOriginal<typeof import('next/navigation')>()),
    redirect: (url: string) => {
      throw new NavigationMarker(`redirect:${url}`);
    },
    notFound: () => {
      throw new NavigationMarker('notFound');
    },
  };
}
