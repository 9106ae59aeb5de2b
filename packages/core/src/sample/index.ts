// @rapport/core/sample: the deterministic sample world (see the domain-model issue).
export {};
