export * from './alarms';
export * from './running-clock';
export * from './feedback-alarms';
export * from './request-window';
