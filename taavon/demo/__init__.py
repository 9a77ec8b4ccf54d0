"""Demo data for the demo server and the browser tests: one login per role, Lorestan
cooperatives with members and a share ledger, founding applications at every step, all built
through the services. `synthetic` makes valid identifiers and Persian names (also for the bench)."""
