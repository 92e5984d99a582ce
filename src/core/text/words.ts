/** `1 deployment`, `3 deployments`: shared by the metric texts and the report. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
