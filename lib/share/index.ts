export * from './shareLink';
