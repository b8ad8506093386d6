/**
 * The two numbers the search issue asks for. MRR@5: the mean over queries of 1/rank of the first
 * relevant result within the top five (0 when none is). Recall@10: the mean share of a query's
 * relevant results that appear within the top ten.
 */
export interface CaseResult {
  ranked: string[];
  relevant: string[];
}

export function firstRelevantRank(r: CaseResult): number | undefined {
  const i = r.ranked.findIndex((h) => r.relevant.includes(h));
  return i < 0 ? undefined : i + 1;
}

export function mrrAt(k: number, results: CaseResult[]): number {
  if (!results.length) return 0;
  const sum = results.reduce((acc, r) => {
    const rank = firstRelevantRank(r);
    return acc + (rank !== undefined && rank <= k ? 1 / rank : 0);
  }, 0);
  return sum / results.length;
}

export function recallAt(k: number, results: CaseResult[]): number {
  if (!results.length) return 0;
  const sum = results.reduce((acc, r) => acc + r.relevant.filter((h) => r.ranked.slice(0, k).includes(h)).length / r.relevant.length, 0);
  return sum / results.length;
}
