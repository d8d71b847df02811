import type * as Zod from 'zod';
import { once } from './once';

/**
 * zod, loaded on first use. Every case workflow loads the domain's modules anew (each new case and each
 * replay of one the worker had evicted), yet only a calendar or policy document sent to a case is ever
 * validated there: loading zod with the modules cost every workflow about a fifth of its CPU. Types
 * come from `import type` as usual.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use is the point
export const lazyZod = once(() => (require('zod') as typeof Zod).z);
