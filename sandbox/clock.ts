/**
 * The emulator's only source of time. Expiries (24 h sessions, 30-day charges,
 * 180-day permissions), pending authorizations and report schedules all read it,
 * so tests can jump hours ahead with `advance` instead of waiting.
 */
export interface SandboxClock {
  nowMs(): number;
  now(): Date;
  /** Moves time forward; negative values are rejected so state never runs backwards. */
  advance(seconds: number): void;
}

export interface ClockOptions {
  /** Start time; defaults to the real time. */
  start?: Date | number;
  /** A frozen clock only moves via advance(): what tests want. Otherwise real time plus the advanced offset. */
  frozen?: boolean;
}

export function createClock(options: ClockOptions = {}): SandboxClock {
  const start =
    options.start === undefined ? Date.now() : typeof options.start === 'number' ? options.start : options.start.getTime();
  const realAtStart = Date.now();
  let offset = 0;
  const nowMs = () => (options.frozen ? start + offset : start + (Date.now() - realAtStart) + offset);
  return {
    nowMs,
    now: () => new Date(nowMs()),
    advance(seconds: number) {
      if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advance() takes a non-negative number of seconds');
      offset += seconds * 1000;
    },
  };
}
