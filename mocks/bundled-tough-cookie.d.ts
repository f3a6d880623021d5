// Its package's "exports" hide its types from TypeScript; mocks/load-mock-api.ts only evaluates it.
declare module '@bundled-es-modules/tough-cookie';
