import type { Clock } from '../../src/lib/clock';

/** A clock tests move by hand, so expiry is tested without sleeping. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = Date.parse('2026-11-25T10:00:00Z')) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
