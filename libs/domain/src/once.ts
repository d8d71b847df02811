/**
 * Builds a value on first use and keeps it. Validation schemas are built this way: a case workflow
 * evaluates the domain's modules anew for each workflow (and each replay), and most workflows never
 * validate a document, so building the schemas when the modules load would cost every one of them.
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
