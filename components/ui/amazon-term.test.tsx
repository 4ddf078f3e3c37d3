import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AmazonTerm, AmazonTermsInText } from './amazon-term';

describe('an Amazon Pay code on an admin page', () => {
  it('reads as words, with the code on hover and for screen readers', () => {
    const html = renderToStaticMarkup(<AmazonTerm code="HardDeclined" testId="reason" />);
    expect(html).toBe(
      '<abbr title="HardDeclined" class="cursor-help no-underline decoration-dotted hover:underline" data-testid="reason" data-code="HardDeclined">Declined for good<span class="sr-only"> (Amazon Pay: HardDeclined)</span></abbr>',
    );
  });

  it('shows an unknown code as it is, without a misleading title', () => {
    expect(renderToStaticMarkup(<AmazonTerm code="BrandNewCode" />)).toBe('<span data-code="BrandNewCode">BrandNewCode</span>');
  });

  it('words the codes inside a job error', () => {
    const html = renderToStaticMarkup(<AmazonTermsInText text="refused: TransactionTimedOut (retry)" />);
    expect(html).toMatch(/^refused: <abbr title="TransactionTimedOut"[^>]*>Authorization timed out<span/);
    expect(html).toMatch(/<\/abbr> \(retry\)$/);
  });
});
