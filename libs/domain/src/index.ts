export * from './roles';
export * from './aspiration';
export * from './categories';
export * from './api';
export * from './views';
