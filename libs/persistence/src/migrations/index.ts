import { Foundation1764400000000 } from './1764400000000-foundation';

/** Every migration, in order; listed explicitly rather than found by file globs. */
export const MIGRATIONS = [Foundation1764400000000];
