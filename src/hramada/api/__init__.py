"""The JSON API (django-ninja, OpenAPI at /api/docs). Its screening endpoints speak the yente (OpenSanctions)
dialect so existing clients work unchanged. Every operation names the roles that may call it (`auth=roles(...)`);
callers authenticate with `Authorization: ApiKey <key>` or a staff session that has passed MFA."""

__all__: list[str] = []
