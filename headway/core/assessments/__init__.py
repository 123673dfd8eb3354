"""Self-assessments scored without a database: values card sort, strengths, the RIASEC
interests inventory, motivated skills (and JSON Resume import), readiness for change, the
energy journal's patterns and the career self-efficacy scale."""
