/** Offsets to 1-based line and column in O(log n), from one linear pass over the text. */
export interface LineIndex {
  at(offset: number): { line: number; column: number };
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    at(offset) {
      const target = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= target) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: target - (starts[low] ?? 0) + 1 };
    },
  };
}
