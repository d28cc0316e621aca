"""Views of the shared core: sign-in and MFA, the dashboard, language choice, errors and the audit log."""
