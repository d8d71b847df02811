export * from './alarms';
export * from './running-clock';
export * from './feedback-alarms';
