/**
 * The first `length` seats of a Sainte-Laguë (Webster) apportionment, in the order they are handed out:
 * `order[k]` is the party that receives seat k. Any prefix is itself a Webster apportionment, so
 * counting a prefix gives integer shares that sum exactly and never shrink as the prefix grows
 * (house monotone: no Alabama paradox, unlike largest remainder).
 */
export function websterOrder(weights: readonly number[], length: number): Int32Array {
  const total = weights.reduce((a, b) => a + b, 0);
  if (length === 0) return new Int32Array(0);
  if (!(total > 0)) throw new Error('websterOrder: weights must have a positive sum');
  // Party i holds at most round(λ·w_i) seats with λ ≤ (length + n/2) / total; generate a little more.
  const spare = length + weights.length;
  const seats: { p: number; i: number }[] = [];
  weights.forEach((w, i) => {
    if (!(w > 0)) return;
    const n = Math.ceil((spare * w) / total) + 1;
    for (let a = 1; a <= n; a++) seats.push({ p: (a - 0.5) / w, i });
  });
  seats.sort((x, y) => x.p - y.p || x.i - y.i);
  const order = new Int32Array(length);
  for (let k = 0; k < length; k++) order[k] = (seats[k] as { i: number }).i;
  return order;
}
