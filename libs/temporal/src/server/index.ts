/** The real Temporal server: build, config, launch. Not re-exported from libs/temporal (it needs the dev-only `yaml`). */
export * from './build-manifest';
export * from './engine';
export * from './real-server';
export * from './server-build';
export * from './server-config';
