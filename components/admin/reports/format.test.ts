import { describe, expect, it } from 'vitest';
import { formatProgress, progressPercent } from './format';

describe('download progress', () => {
  it('shows bytes, total and a whole percentage when the size is known', () => {
    expect(formatProgress(512 * 1024, 2 * 1024 * 1024)).toBe('512.0 KB of 2.0 MB (25 %)');
    expect(formatProgress(300_000, 300_000)).toBe('293.0 KB of 293.0 KB (100 %)');
  });

  it('shows only the bytes when the size is unknown', () => {
    expect(formatProgress(2048, null)).toBe('2.0 KB');
    expect(progressPercent(10, 0)).toBeNull();
  });

  it('rounds down, so 100 % means every byte arrived, and never passes 100', () => {
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1200, 1000)).toBe(100);
  });
});
