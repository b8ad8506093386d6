/**
 * Spaces sends to at most `perSecond` a second (0: no limit), smoothly rather than in bursts, so an
 * SMTP provider's per-second quota is respected by each worker.
 */
export function createRateLimiter(perSecond: number, now: () => number = () => performance.now()) {
  const interval = perSecond > 0 ? 1000 / perSecond : 0;
  let next = 0;
  return {
    async take(): Promise<void> {
      if (!interval) return;
      const t = now();
      const at = Math.max(next, t);
      next = at + interval;
      if (at > t) await new Promise((resolve) => setTimeout(resolve, at - t));
    },
  };
}
