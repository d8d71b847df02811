export * from './statute';
export * from './policy-rules';
export * from './policy';
export * from './parse-policy';
export * from './default-policy';
export * from './override-policy';
export * from './clock-schedule';
