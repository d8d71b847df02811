export * from './alarms';
export * from './running-clock';
