import { amazonTermWords, splitAmazonTerms } from '@/lib/amazon-pay/terms';
import { cx } from './class-names';

/**
 * An Amazon Pay state or reason code in words, with the code itself on hover (title) and for
 * screen readers (visually hidden text, as title is not read reliably). A code we have no
 * words for is shown as Amazon sent it.
 */
export function AmazonTerm({ code, className, testId }: { code: string; className?: string; testId?: string }) {
  const words = amazonTermWords(code);
  if (!words) {
    return (
      <span className={className} data-testid={testId} data-code={code}>
        {code}
      </span>
    );
  }
  return (
    <abbr
      title={code}
      className={cx('cursor-help no-underline decoration-dotted hover:underline', className)}
      data-testid={testId}
      data-code={code}
    >
      {words.label}
      <span className="sr-only"> (Amazon Pay: {code})</span>
    </abbr>
  );
}

/** Free text with the Amazon codes in it put in words, e.g. a failed job's error. */
export function AmazonTermsInText({ text }: { text: string }) {
  return splitAmazonTerms(text).map((part, index) => ('code' in part ? <AmazonTerm key={index} code={part.code} /> : part.text));
}
