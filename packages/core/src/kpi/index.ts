// kpi: see the capability issue. Public API is re-exported from here.
export {};
