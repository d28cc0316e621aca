"""Accounts: one user table for staff and applicants, told apart by `kind`, with staff roles as grants."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from hramada.core.roles import AccountKind, Role


class User(AbstractUser):
    """A person who signs in. Staff need a confirmed second factor; applicants may be pseudonymous.

    Applicants' names and contacts are not kept here: the fund stores them encrypted. The inherited first_name,
    last_name and email columns stay empty for applicants.
    """

    kind = models.CharField(
        _("account kind"), max_length=16, choices=AccountKind.choices, default=AccountKind.STAFF
    )
    preferred_language = models.CharField(_("language"), max_length=8, blank=True, default="")
    must_change_password = models.BooleanField(_("must change password"), default=False)
    # Bumping this number invalidates every session of the user at once ("log out everywhere").
    session_generation = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_applicant(self) -> bool:
        return self.kind == AccountKind.APPLICANT

    @property
    def is_staff_member(self) -> bool:
        return self.kind == AccountKind.STAFF and self.is_active

    @property
    def roles(self) -> frozenset[Role]:
        if not self.is_staff_member:
            return frozenset()
        cached: frozenset[Role] | None = getattr(self, "_roles_cache", None)
        if cached is None:
            cached = frozenset(Role(grant.role) for grant in self.role_grants.all())
            self._roles_cache = cached
        return cached

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    def get_session_auth_hash(self) -> str:
        """Sessions carry this hash; it changes with the password and with `session_generation`."""
        key_salt = "hramada.core.User.get_session_auth_hash"
        return salted_hmac(
            key_salt, f"{self.password}:{self.session_generation}", algorithm="sha256"
        ).hexdigest()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.kind == AccountKind.APPLICANT:
            # An applicant can never become Django staff or superuser, whatever a form or script says.
            self.is_staff = False
            self.is_superuser = False
        super().save(*args, **kwargs)


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="core_rolegrant_unique")]

    def __str__(self) -> str:
        return f"{self.user} : {self.role}"
