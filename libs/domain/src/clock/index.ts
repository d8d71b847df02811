/**
 * Clocks: calendars as data, deadline arithmetic, durations, alert times. Pure and deterministic, safe
 * for workflow code. Two modules are deliberately not re-exported here, because workflow code must not
 * bundle them: `./mainland-calendar` (the chinese-days data) and `./deadline-cli` (node:util).
 */
export * from './local-date';
export * from './time-zone';
export * from './instant';
export * from './duration';
export * from './calendar';
export * from './holiday-table';
export * from './pauses';
export * from './deadline';
export * from './alert-times';
export * from './validation-error';
