import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Next prefetches every <Link> in view, so a link to a route that acts on GET would act
 * before anyone clicks it. Such routes are Amazon's return to checkoutResultReturnUrl and
 * the downloads, which count each fetch; in-app retries are buttons. Any <Link> to them must opt out.
 */
const ROUTES_WITH_SIDE_EFFECTS = ['/checkout/result', '/api/downloads'];
const ROOT = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [full] : [];
  });
}

/** The opening tags of <Link> elements that point at a side-effect route without prefetch={false}. */
function prefetchedSideEffectLinks(source: string): string[] {
  const tags = source.match(/<Link\b[^>]*?(?:\/>|>)/gs) ?? [];
  return tags.filter((tag) => ROUTES_WITH_SIDE_EFFECTS.some((route) => tag.includes(route)) && !/prefetch=\{false\}/.test(tag));
}

describe('links to routes that act on GET', () => {
  it('are recognised when they would be prefetched', () => {
    const offending = '<Link\n  href={`/checkout/result?amazonCheckoutSessionId=${id}`}\n  className="underline"\n>';
    expect(prefetchedSideEffectLinks(offending)).toHaveLength(1);
    expect(prefetchedSideEffectLinks(offending.replace('className', 'prefetch={false} className'))).toEqual([]);
    expect(prefetchedSideEffectLinks('<Link href="/cart">Cart</Link>')).toEqual([]);
  });

  it('never appear in the app or its components without prefetch={false}', () => {
    const files = ['app', 'components'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      prefetchedSideEffectLinks(readFileSync(file, 'utf8')).map((tag) => `${path.relative(ROOT, file)}: ${tag}`),
    );
    expect(found).toEqual([]);
  });
});
