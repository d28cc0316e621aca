"""Demo evidence: two documenter groups, a partner organisation, incidents, military-logistics observations,
evidence files (a photo with GPS metadata, a PDF with an author) with a stripped copy, a register of invented
political prisoners and a dossier. Every person and perpetrator here is invented and marked DEMO. Loaded through the
services by demo staff that cannot sign in; the platform's administrators join the demo groups so `make run` shows
it, and so does a documenter without a group at sign-in. Idempotent: does nothing once the demo groups exist (except adding new administrators)."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from hramada.core import audit
from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role
from hramada.evidence import files, services
from hramada.evidence.models import (
    Degree,
    DocumenterGroup,
    Dossier,
    IncidentKind,
    ObservationKind,
    PartnerOrganisation,
    PerpetratorKind,
    PersonRole,
    PrisonerStatus,
    Region,
    Verification,
)

TEAM = "Human-rights documentation team (DEMO)"
MONITORS = "Military logistics monitors (DEMO)"
PARTNER = "International investigators (DEMO)"

PLACES = {
    "Minsk": (53.9, 27.56),
    "Hrodna": (53.68, 23.83),
    "Brest": (52.1, 23.7),
    "Homiel": (52.43, 30.99),
    "Viciebsk": (55.19, 30.2),
    "Mahilioŭ": (53.9, 30.33),
    "Asipovichy": (53.3, 28.64),
    "Machulishchy": (53.77, 27.58),
    "Barysaŭ": (54.23, 28.5),
}


def join_demo_groups_at_sign_in(sender: Any, user: Any, **kwargs: Any) -> None:
    """A documenter who belongs to no group joins the demo groups when signing in, while the demo is loaded.

    Evidence is shared within documenter groups and nothing else gives a new colleague one: a documenter invited to
    try the platform would otherwise find no evidence to open and no group to record under. Without the demo (no
    demo groups) this does nothing."""
    if getattr(user, "kind", None) != AccountKind.STAFF or not user.has_role(Role.DOCUMENTER):
        return
    if DocumenterGroup.objects.filter(members=user).exists():
        return
    with transaction.atomic():
        for group in DocumenterGroup.objects.filter(name__in=(TEAM, MONITORS)):
            group.members.add(user)
            audit.record(action="evidence.demo_group.joined", target=group, detail={"user": user.pk}, by=user)


def _staff(username: str, *roles: Role) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"kind": AccountKind.STAFF})
    if created:
        user.set_unusable_password()
        user.save()
        RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
    return user


def _administrators() -> list[User]:
    return list(User.objects.filter(role_grants__role=Role.ADMINISTRATOR).distinct())


def load(say: Any) -> None:
    team = DocumenterGroup.objects.filter(name=TEAM).first()
    if team is not None:
        for admin in _administrators():
            team.members.add(admin)
            DocumenterGroup.objects.get(name=MONITORS).members.add(admin)
        say("  demo evidence already loaded")
        return
    with transaction.atomic():
        _load()
    say("  demo evidence, register and dossier loaded (marked DEMO)")


def photo_with_gps() -> bytes:
    """A small JPEG carrying the metadata a phone writes: GPS position, make, model, serial number."""
    import piexif
    from PIL import Image

    image = Image.new("RGB", (64, 48), (120, 130, 140))
    exif = {
        "0th": {
            piexif.ImageIFD.Make: b"DemoPhone",
            piexif.ImageIFD.Model: b"DP-1 (DEMO)",
            piexif.ImageIFD.Software: b"DemoCamera 1.0",
        },
        "Exif": {
            piexif.ExifIFD.BodySerialNumber: b"SN-0042-DEMO",
            piexif.ExifIFD.DateTimeOriginal: b"2024:03:01 10:15:00",
        },
        "GPS": {
            piexif.GPSIFD.GPSLatitudeRef: b"N",
            piexif.GPSIFD.GPSLatitude: ((53, 1), (54, 1), (0, 1)),
            piexif.GPSIFD.GPSLongitudeRef: b"E",
            piexif.GPSIFD.GPSLongitude: ((27, 1), (33, 1), (36, 1)),
        },
        "1st": {},
        "thumbnail": None,
    }
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=piexif.dump(exif))
    return buffer.getvalue()


def pdf_with_author() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_author("Demo Lawyer (DEMO)")
    pdf.set_creator("Demo Office Suite")
    pdf.set_title("Court ruling copy (DEMO)")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Copy of a court ruling (DEMO)")
    return bytes(pdf.output())


def _upload(data: bytes, name: str, **kwargs: Any) -> Any:
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return services.upload(upload=upload, digests=files.digest_bytes(data), **kwargs)


def _load() -> None:
    rng = random.Random(1999)  # noqa: S311 - invented demo data, not security
    documenter = _staff("demo-documenter", Role.DOCUMENTER)
    monitor = _staff("demo-monitor", Role.DOCUMENTER)
    investigator = _staff("demo-investigator", Role.DOCUMENTER)
    team = DocumenterGroup.objects.create(name=TEAM, is_demo=True)
    monitors = DocumenterGroup.objects.create(name=MONITORS, is_demo=True)
    partner = PartnerOrganisation.objects.create(name=PARTNER, is_demo=True)
    team.members.add(documenter, *_administrators())
    monitors.members.add(monitor, *_administrators())
    partner.members.add(investigator)

    judge = services.add_perpetrator(
        name="Ivan Demonstratyŭ (DEMO)",
        kind=PerpetratorKind.JUDGE,
        position="Judge of a district court (DEMO)",
        organisation="District court (DEMO)",
        birth_date=date(1971, 5, 4),
        identifiers={"staff number": "J-17 (DEMO)"},
        by=documenter,
        is_demo=True,
    )
    officer = services.add_perpetrator(
        name="Piotr Prykladaŭ (DEMO)",
        kind=PerpetratorKind.POLICE,
        position="Riot police officer (DEMO)",
        organisation="OMON (DEMO)",
        by=documenter,
        is_demo=True,
    )
    colony = services.add_perpetrator(
        name="Correctional colony No. 0 administration (DEMO)",
        kind=PerpetratorKind.PRISON,
        by=documenter,
        is_demo=True,
    )
    services.add_perpetrator(
        name="Missile brigade (DEMO)",
        kind=PerpetratorKind.UNIT,
        organisation="Russian armed forces (DEMO)",
        by=monitor,
        is_demo=True,
    )

    plans = [
        (
            IncidentKind.DISAPPEARANCE,
            "Opposition politician disappeared after leaving home",
            date(1999, 9, 16),
            None,
            "Minsk",
            Verification.CORROBORATED,
            [(officer, Degree.DIRECT)],
        ),
        (
            IncidentKind.ARREST,
            "Arrest at a peaceful protest",
            date(2020, 8, 10),
            None,
            "Minsk",
            Verification.VERIFIED,
            [(officer, Degree.DIRECT)],
        ),
        (
            IncidentKind.TORTURE,
            "Beating in a temporary detention centre",
            date(2020, 8, 11),
            date(2020, 8, 13),
            "Minsk",
            Verification.VERIFIED,
            [(officer, Degree.DIRECT)],
        ),
        (
            IncidentKind.PROSECUTION,
            "Sentence for comments in a chat group",
            date(2021, 6, 2),
            None,
            "Hrodna",
            Verification.VERIFIED,
            [(judge, Degree.DIRECT)],
        ),
        (
            IncidentKind.DETENTION,
            "Incommunicado detention of a journalist",
            date(2023, 2, 1),
            date(2023, 11, 30),
            "Homiel",
            Verification.CORROBORATED,
            [(colony, Degree.DIRECT)],
        ),
        (
            IncidentKind.EXTREMIST_DESIGNATION,
            "Independent news site designated “extremist”",
            date(2022, 5, 17),
            None,
            "Minsk",
            Verification.VERIFIED,
            [(judge, Degree.ORDERED)],
        ),
        (
            IncidentKind.REPRISAL_ABROAD,
            "Search of relatives' home after an émigré's interview",
            date(2024, 3, 1),
            None,
            "Brest",
            Verification.REPORTED,
            [],
        ),
        (
            IncidentKind.PROSECUTION,
            "Trial in absentia of an exiled activist",
            date(2024, 9, 12),
            None,
            "Viciebsk",
            Verification.CORROBORATED,
            [(judge, Degree.DIRECT)],
        ),
    ]
    incidents = []
    for n, (kind, title, start, end, place, status, who) in enumerate(plans):
        lat, lon = PLACES[place]
        incident = services.record_incident(
            group=team,
            kind=kind,
            title=f"{title} (DEMO)",
            date_start=start,
            date_end=end,
            place_name=place,
            latitude=lat + rng.uniform(-0.05, 0.05),
            longitude=lon + rng.uniform(-0.05, 0.05),
            description="Invented for the demonstration.",
            by=documenter,
            is_demo=True,
        )
        services.add_person(
            incident=incident,
            role=PersonRole.VICTIM,
            name=f"Demo Victim {n + 1}",
            statement="Invented statement (DEMO).",
            by=documenter,
        )
        if n % 2 == 0:
            services.add_person(
                incident=incident, role=PersonRole.WITNESS, name=f"Demo Witness {n + 1}", by=documenter
            )
        services.add_source(
            record=incident,
            identity=f"Demo Source {n + 1}",
            contact="Signal (DEMO)",
            description="eyewitness",
            by=documenter,
        )
        for perpetrator, degree in who:
            services.link_perpetrator(
                incident=incident, perpetrator=perpetrator, degree=degree, by=documenter
            )
        if status != Verification.REPORTED:
            services.set_verification(
                incident=incident,
                status=status,
                method="Two independent witnesses and a medical record (DEMO)",
                by=documenter,
            )
        incidents.append(incident)
    services.share(record=incidents[2], by=documenter, partners=[partner])
    # A correction after recording, so the demo shows a record's history (the earlier text kept encrypted).
    services.change_incident(
        incident=incidents[0],
        values={
            "place_name": f"{incidents[0].place_name}, Akrestsina street",
            "description": "Invented for the demonstration; corrected after a second witness (DEMO).",
        },
        by=documenter,
    )

    now = timezone.now()
    sightings: list[tuple[str, str, str, int, int]] = [
        (ObservationKind.RAIL, "Asipovichy", "Iskander-M launchers on flatcars", 6, 400),
        (ObservationKind.ROAD, "Homiel", "Convoy of trucks with Russian markings", 23, 300),
        (ObservationKind.AIRCRAFT, "Machulishchy", "Il-76 transport aircraft", 2, 200),
        (ObservationKind.EXERCISE, "Barysaŭ", "Zapad exercise: tanks unloading", 14, 120),
        (ObservationKind.DEPLOYMENT, "Brest", "Air-defence system deployed near the border", 1, 30),
    ]
    for sighting, place, seen, count, days_ago in sightings:
        lat, lon = PLACES[place]
        observation = services.record_observation(
            group=monitors,
            kind=sighting,
            observed_at=now - timedelta(days=days_ago, hours=rng.randrange(0, 12)),
            place_name=place,
            latitude=lat,
            longitude=lon,
            units_or_equipment=f"{seen} (DEMO)",
            count=count,
            by=monitor,
            is_demo=True,
        )
        services.add_source(
            record=observation, identity="Demo railway worker", description="railway worker", by=monitor
        )

    photo = _upload(
        photo_with_gps(),
        "arrest-photo.jpg",
        group=team,
        title="Photo of the arrest (DEMO)",
        by=documenter,
        purpose="received from a witness via Signal (DEMO)",
        incident=incidents[1],
        is_demo=True,
    )
    services.make_stripped_copy(photo.original, by=documenter, purpose="working copy for partners (DEMO)")
    _upload(
        pdf_with_author(),
        "ruling.pdf",
        group=team,
        title="Court ruling (DEMO)",
        by=documenter,
        purpose="received from the defence lawyer (DEMO)",
        incident=incidents[3],
        is_demo=True,
    )

    Dossier.objects.create(
        perpetrator=judge,
        owner_group=team,
        created_by=documenter,
        is_demo=True,
        statement_of_reasons=(
            "As a judge, he handed down politically motivated sentences against peaceful critics and designated "
            "independent media as extremist, and is therefore responsible for serious human-rights violations "
            "and repression of civil society (DEMO)."
        ),
    )

    articles = ["342", "361-1", "361-4", "368", "369", "130", "339", "364", "130", "342", "342"]
    regions = [r for r in Region.values if r != Region.UNKNOWN]
    first = date(2020, 8, 9)
    for n in range(60):
        detained = first + timedelta(days=rng.randrange(0, 1500))
        sentenced = detained + timedelta(days=rng.randrange(60, 240))
        months = rng.choice([18, 24, 36, 48, 60, 84, 120, 180])
        values: dict[str, Any] = {
            "name": f"Demo Prisoner {n + 1}",
            "name_is_public": n % 3 == 0,
            "region": rng.choice(regions),
            "detained_on": detained,
            "court": "District court (DEMO)",
            "recognised_on": detained + timedelta(days=30),
            "recognised_by": "Human-rights community (DEMO)",
            "place_of_detention": f"Correctional colony No. {rng.randrange(1, 22)} (DEMO)",
            "postal_address": "PO box (DEMO)",
        }
        today = timezone.localdate()
        if sentenced < today:
            values.update(
                sentenced_on=sentenced,
                sentence_months=months,
                sentence_kind="general regime colony",
                status=PrisonerStatus.SENTENCED,
            )
            end = sentenced + timedelta(days=rng.randrange(200, 1400))
            if n % 5 == 0 and end < today:
                values.update(status=PrisonerStatus.PARDONED, ended_on=end)
            elif n % 7 == 0 and end < today:
                values.update(status=PrisonerStatus.RELEASED, ended_on=end)
        chosen = {rng.choice(articles) for _ in range(rng.randrange(1, 3))}
        prisoner = services.save_prisoner(by=documenter, values=values, articles=sorted(chosen))
        if n % 4 == 0 and sentenced < today:
            services.add_condition(
                prisoner,
                on=min(today, sentenced + timedelta(days=90)),
                kind="punishment_cell",
                note="10 days (DEMO)",
                by=documenter,
            )
        prisoner.is_demo = True
        prisoner.save(update_fields=["is_demo"])
