// A per-key token bucket for the history events one tab may write: at most `burst` at once,
// refilled at `perMinute`. A meeting gives a few events a minute (a notice, a choice); a page
// that moves from meeting path to meeting path to be "shown" again and again is held to the
// refill rate, so one tab cannot fill the queue that every tab's events share.
// State lives in the worker's memory: a restart refills the buckets, which only bounds the
// rate per worker life, and the queue's own bound still holds.
export function makeLimiter({ burst, perMinute, maxKeys = 256, now = () => Date.now() }) {
  const buckets = new Map();
  let refused = 0;
  function allow(key) {
    const t = now();
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value);  // the oldest key goes
      b = { tokens: burst, at: t };
      buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) * perMinute) / 60000);
    b.at = t;
    if (b.tokens < 1) {
      refused++;
      return false;
    }
    b.tokens -= 1;
    return true;
  }
  return { allow, forget: (key) => buckets.delete(key), refused: () => refused };
}
