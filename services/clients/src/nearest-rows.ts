/** The k lowest scores seen so far, kept sorted: k is small (≤ 50), so insertion beats a heap. */
export class NearestRows {
  private readonly rows: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** True when the row made it into the k best. */
  offer(row: number, score: number): boolean {
    const { rows, scores, k } = this;
    if (scores.length === k && score >= scores[k - 1]!) return false;
    let at = scores.length;
    while (at > 0 && scores[at - 1]! > score) at--;
    rows.splice(at, 0, row);
    scores.splice(at, 0, score);
    if (scores.length > k) {
      rows.pop();
      scores.pop();
    }
    return true;
  }

  /** The k-th best score, Infinity until k rows were offered. */
  worst(): number {
    return this.scores.length === this.k ? this.scores[this.k - 1]! : Infinity;
  }

  sorted(): { row: number; score: number }[] {
    return this.rows.map((row, i) => ({ row, score: this.scores[i]! }));
  }
}
