export * from './DepartmentBoard';
