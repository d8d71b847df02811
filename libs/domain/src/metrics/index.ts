/** Supervisors' metrics: the reporting period and the figures. Not re-exported by the domain index (no workflow needs it). */
export * from './reporting-period';
export * from './figures';
