export * from './sessionShare';
export * from './shareLink';
