/** The sheets an office prints and files for a case (routes /cases/:n/print/<sheet>). */
export const PRINT_SHEETS = ['registration', 'assignment', 'instruction', 'timeline'] as const;
export type PrintSheet = (typeof PRINT_SHEETS)[number];
