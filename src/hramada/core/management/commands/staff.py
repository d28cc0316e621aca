"""`manage.py staff add|roles|suspend|reactivate|reset-mfa|list`: staff administration for scripted set-ups.

Whoever runs this holds the server (database and key ring), so changes apply at once, without the second
administrator's approval the web pages ask for; each is audited as done by "system".
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.core import staff
from hramada.core.models import User
from hramada.core.roles import AccountKind, Role
from hramada.core.staff_selectors import staff_accounts

ROLE_VALUES = [role.value for role in Role]


def _roles(values: list[str]) -> list[Role]:
    unknown = sorted(set(values) - set(ROLE_VALUES))
    if unknown:
        raise CommandError(f"Unknown role(s) {', '.join(unknown)}; choose from {', '.join(ROLE_VALUES)}")
    return [Role(value) for value in values]


def _staff_user(username: str) -> User:
    user = User.objects.filter(username=username, kind=AccountKind.STAFF).first()
    if user is None:
        raise CommandError(f"No staff account named {username!r}")
    return user


class Command(BaseCommand):
    help = "Invite, list and change staff accounts (add, roles, suspend, reactivate, reset-mfa, list)."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add", help="invite a colleague: prints a one-time link and password")
        add.add_argument("username")
        add.add_argument("--name", default="")
        add.add_argument("--email", default="")
        add.add_argument(
            "--role", action="append", dest="roles", default=[], choices=ROLE_VALUES, required=True
        )
        add.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="address the link starts with (default: %(default)s)",
        )
        roles = commands.add_parser("roles", help="set a staff member's roles (exactly those given)")
        roles.add_argument("username")
        roles.add_argument(
            "--role", action="append", dest="roles", default=[], choices=ROLE_VALUES, required=True
        )
        for name, text in (
            ("suspend", "stop an account signing in; ends its sessions"),
            ("reactivate", "let a suspended account sign in again"),
            ("reset-mfa", "remove every second factor: the person enrols again at next sign-in"),
        ):
            command = commands.add_parser(name, help=text)
            command.add_argument("username")
        commands.add_parser("list", help="every staff account with roles, second factors and last sign-in")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "add":
                self._add(options)
            elif action == "roles":
                staff.set_roles(_staff_user(options["username"]), _roles(options["roles"]), by=None)
                self.stdout.write(f"Roles of {options['username']}: {', '.join(sorted(options['roles']))}")
            elif action == "suspend":
                staff.suspend(_staff_user(options["username"]), by=None)
                self.stdout.write(f"Suspended {options['username']}; their sessions have ended.")
            elif action == "reactivate":
                staff.reactivate(_staff_user(options["username"]), by=None)
                self.stdout.write(f"Re-activated {options['username']}.")
            elif action == "reset-mfa":
                staff.reset_second_factor(_staff_user(options["username"]), by=None)
                self.stdout.write(
                    f"Removed the second factors of {options['username']}; they enrol at next sign-in."
                )
            else:
                self._list()
        except staff.StaffAdminError as error:
            raise CommandError(" ".join(error.messages)) from error

    def _add(self, options: dict[str, Any]) -> None:
        from django.urls import reverse

        invitation = staff.invite(
            username=options["username"],
            name=options["name"],
            email=options["email"],
            roles=_roles(options["roles"]),
            by=None,
        )
        link = options["site_url"].rstrip("/") + reverse("core:staff_invitation", args=[invitation.token])
        staff.send_invitation_email(invitation, link=link)
        self.stdout.write(
            "\n".join(
                [
                    f"Invited {invitation.user.username} ({', '.join(sorted(options['roles']))}).",
                    f"  one-time link (7 days): {link}",
                    f"  one-time password:      {invitation.password}",
                    "Both are shown only now." + (" The link was e-mailed." if invitation.user.email else ""),
                ]
            )
        )

    def _list(self) -> None:
        header = f"{'username':20} {'status':10} {'2nd factor':10} {'last sign-in':17} {'keys':4} roles"
        self.stdout.write(header)
        for account in staff_accounts():
            status = (
                "suspended"
                if not account.user.is_active
                else "invited"
                if account.invitation_pending
                else "active"
            )
            factor = "yes" if account.has_second_factor else "no"
            last = account.last_sign_in.strftime("%Y-%m-%d %H:%M") if account.last_sign_in else "never"
            roles = ",".join(role.value for role in account.roles)
            self.stdout.write(
                f"{account.user.username:20} {status:10} {factor:10} {last:17} {account.active_api_keys:<4} {roles}"
            )
