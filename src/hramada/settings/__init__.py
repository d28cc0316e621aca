"""Django settings: `base` for every deployment, `production` and `test` on top of it.

Deployment settings come from HRAMADA_* environment variables, read in `env.py`; docs/operations.md lists them all.
"""
