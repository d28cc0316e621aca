"""Second factors for staff: TOTP apps, WebAuthn passkeys and single-use recovery codes (all django-otp devices)."""

from __future__ import annotations

import hmac
import math
import secrets
import time
from base64 import b32encode
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core import crypto

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery codes"
RECOVERY_CODE_SCOPE = "mfa.recovery_code"
# django-otp's token column holds 16 characters: 64 bits of the keyed hash. The codes themselves carry 48 random
# bits, and without the key ring a stolen table cannot even be used to test guesses.
RECOVERY_DIGEST_LENGTH = 16


def recovery_code_digest(code: str) -> str:
    """What is stored for a recovery code: a keyed hash (HMAC-SHA256 under the key ring's index key)."""
    normalised = code.strip().replace(" ", "").lower()
    return crypto.blind_index(normalised, scope=RECOVERY_CODE_SCOPE)[:RECOVERY_DIGEST_LENGTH]


def is_recovery_code_digest(value: str) -> bool:
    return len(value) == RECOVERY_DIGEST_LENGTH and all(c in "0123456789abcdef" for c in value)


def has_confirmed_device(user: Any) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def pending_totp_device(user: Any) -> TOTPDevice:
    """The user's unconfirmed authenticator-app device, created on first call; at most one exists."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    return device


def totp_secret_base32(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def totp_qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG markup: no script, no external request, allowed by our CSP."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.index("<svg") :]


def confirm_totp(device: TOTPDevice, token: str) -> bool:
    """Confirm enrolment with a current code from the app. A replayed or wrong code is refused by django-otp."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def regenerate_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with fresh ones and return them (shown once, never stored in clear)."""
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
        device.confirmed = True
        device.save()
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=recovery_code_digest(code)) for code in codes
        )
    return codes


def use_recovery_code(device: StaticDevice, code: str) -> bool:
    """Accept a recovery code once. Every stored digest is compared in constant time (no lookup by value), and
    django-otp's throttling applies as for its own check."""
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        return False
    digest = recovery_code_digest(code)
    match = None
    for stored in device.token_set.all():
        if hmac.compare_digest(stored.token.encode(), digest.encode()):
            match = stored
    # Two sign-ins racing with one code: only the one that deletes the row succeeds.
    if match is not None and StaticToken.objects.filter(pk=match.pk).delete()[0] == 1:
        device.throttle_reset(commit=False)
        device.set_last_used_timestamp(commit=False)
        device.save()
        return True
    device.throttle_increment()
    return False


def verify_any(user: Any, token: str) -> Any | None:
    """The confirmed device that accepts `token` (an app code or a recovery code), or None."""
    token = token.strip().replace(" ", "")
    if not token or len(token) > 32:
        return None
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, TOTPDevice) and device.verify_token(token):
            return device
        if isinstance(device, StaticDevice) and use_recovery_code(device, token):
            return device
    return None


class CodeProblem(Enum):
    """Why an authenticator-app code was refused, so the page can say what actually happened."""

    WAIT = "wait"  # django-otp throttles after a wrong code: 1 s, then 2, 4, 8... until the next try is read
    REPLAYED = "replayed"  # the code of a time step already used (codes are single-use)
    WRONG = "wrong"  # not the code of the current, previous or next step


@dataclass(frozen=True)
class CodeRefusal:
    problem: CodeProblem
    wait_seconds: int = 0


def _throttle_wait(device: TOTPDevice | StaticDevice) -> int:
    allowed, data = device.verify_is_allowed()
    if allowed or not data:
        return 0
    failures = int(data.get("failure_count") or 0)
    since = device.throttling_failure_timestamp
    if not failures or since is None:
        return 1
    delay = float(device.get_throttle_factor()) * (2 ** (failures - 1))
    remaining = (since + timedelta(seconds=delay) - timezone.now()).total_seconds()
    wait: int = math.ceil(remaining)
    return max(1, wait)


def _was_used_already(device: TOTPDevice, token: str) -> bool:
    """Whether `token` is the code of a step this device has already accepted (within the tolerated window)."""
    if not token.isdigit() or device.last_t < 0:
        return False
    now = time.time()
    for offset in range(-device.tolerance - 1, device.tolerance + 1):
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = now + offset * device.step
        if totp.t() <= device.last_t and f"{totp.token():0{device.digits}d}" == token:
            return True
    return False


def _devices(user: Any, devices: list[TOTPDevice] | None) -> list[TOTPDevice]:
    return devices if devices is not None else list(TOTPDevice.objects.filter(user=user, confirmed=True))


def throttle_wait(user: Any, *, devices: list[TOTPDevice] | None = None) -> int:
    """Seconds before the user's authenticator apps read a code again (0: now). Ask before verifying: a refused
    code starts a new wait of its own."""
    return max((_throttle_wait(device) for device in _devices(user, devices)), default=0)


def explain_refusal(
    user: Any, token: str, *, wait_before: int, devices: list[TOTPDevice] | None = None
) -> CodeRefusal:
    """After a code was refused: tell a try made while throttled (`wait_before`, from `throttle_wait` before the
    attempt), a replayed code and a wrong one apart. Checks nothing new and records no failure."""
    token = token.strip().replace(" ", "")
    if any(_was_used_already(device, token) for device in _devices(user, devices)):
        return CodeRefusal(CodeProblem.REPLAYED)
    if wait_before:
        return CodeRefusal(CodeProblem.WAIT, wait_before)
    return CodeRefusal(CodeProblem.WRONG)
