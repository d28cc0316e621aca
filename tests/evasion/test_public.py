"""Evasion's door for payment details: a wallet address a payee gives is checked by the rules of its currency and
against listed addresses and transfers; the fund refuses a mistyped address and holds a listed or exposed one."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.evasion import crypto, demo, public, services
from hramada.evasion.models import Dataset

LISTED_XBT = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"  # OFAC SDN, YAN, Xiaobing (row 25308)
LISTED_TRON = "TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq"  # a Tron address the SDN list of 2024-05-03 names


def _transfers(analyst):
    services.import_dataset(
        kind=Dataset.Kind.TRANSFERS,
        data=demo.demo_transfers(),
        file_name="t.csv",
        name="transfers",
        source="test",
        by=analyst,
    )


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "XBT"),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "XBT"),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "ETH"),
        (LISTED_TRON, "TRX"),
        ("LT12 1000 0111 0100 1000", ""),
        ("PL61109010140000071219812874", ""),
        ("40817810099910004312", ""),
        ("", ""),
    ],
)
def test_an_address_is_recognised_by_its_shape_and_an_account_number_is_not(text, currency):
    assert crypto.recognise(text) == currency


@given(st.text(max_size=120))
def test_recognising_any_text_never_raises_and_validates_or_refuses_cleanly(text):
    currency = crypto.recognise(text)
    if currency:
        try:
            crypto.validate(currency, text)
        except crypto.AddressError:
            pass


def test_a_tron_address_is_checked_by_base58check():
    assert crypto.validate("USDT", LISTED_TRON).kind == "tron"
    broken = LISTED_TRON[:-1] + ("a" if LISTED_TRON[-1] != "a" else "b")
    with pytest.raises(crypto.AddressError, match="checksum"):
        crypto.validate("TRX", broken)


def test_an_iban_is_not_looked_up_at_all(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        check = public.check_payment_address("LT12 1000 0111 0100 1000")
    assert not check.is_address and not check.problem and not check.needs_review


@pytest.mark.parametrize(
    "mistyped",
    [
        "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9i",  # last character of a base58check address
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # one letter's case of an EIP-55 address
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx",  # last character of a bech32 address
    ],
)
def test_a_mistyped_address_has_a_problem_and_is_not_traced(db, django_assert_num_queries, mistyped):
    with django_assert_num_queries(0):
        check = public.check_payment_address(mistyped)
    assert check.is_address and "checksum does not match" in check.problem
    assert public.payment_address_problem(mistyped) == check.problem
    assert not check.needs_review


def test_a_listed_address_needs_review_with_its_holder(lists):
    check = public.check_payment_address(LISTED_XBT)
    assert check.needs_review and not check.problem
    assert check.listed_entity.startswith("ofac-") and "YAN" in check.listed_holder.upper()
    assert f"{LISTED_XBT} is a listed address of" in check.reasons()[0]


def test_an_address_three_transfers_from_a_listed_one_needs_review_with_the_path(lists, analyst):
    _transfers(analyst)
    customer = demo.demo_address("demo-customer")
    check = public.check_payment_address(customer)
    assert not check.listed_entity
    [exposure] = check.exposures
    assert (exposure.direction, exposure.distance) == ("incoming", 3)
    assert exposure.path.startswith(f"{LISTED_XBT} → 1.75 XBT → ")
    assert "YAN" in exposure.listed_holder.upper()
    assert "funds received from it, 3 transfer(s)" in check.reasons()[0]
    # two hops are not enough to reach it
    assert not public.check_payment_address(customer, hops=2).needs_review


def test_an_address_with_no_path_to_a_listed_one_is_clear(lists, analyst):
    _transfers(analyst)
    check = public.check_payment_address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
    assert check.is_address and not check.problem and not check.needs_review


# --- the fund calls the door from its payment details ---------------------------------------------------------


def _grant(make_staff):
    from hramada.core.roles import Role
    from hramada.fund import services as fund
    from tests.fund import factories

    prog = factories.programme()
    factories.envelope(prog)
    reviewers = [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]
    app = factories.recommended(prog, reviewers, amount="5000.00")
    return fund.approve(app, by=make_staff(Role.FUND_MANAGER)), app


def test_the_payment_form_refuses_a_mistyped_wallet_address(db):
    from hramada.fund.forms import PaymentDetailsForm

    data = {"payee_name": "Media NGO", "bank": "wallet", "country": "LT"}
    form = PaymentDetailsForm({**data, "account": "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9i"})
    assert not form.is_valid()
    assert "checksum does not match" in form.errors["account"][0]
    assert PaymentDetailsForm({**data, "account": "LT12 1000 0111 0100 1000"}).is_valid()


def test_the_fund_refuses_a_mistyped_wallet_and_holds_a_listed_one(lists, make_staff):
    from hramada.fund import services as fund
    from hramada.fund.models import ScreeningHold

    grant, app = _grant(make_staff)
    with pytest.raises(fund.FundError, match="checksum does not match"):
        fund.give_payment_details(
            grant,
            payee_name="Media NGO",
            details={"account": "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9i"},
            by=app.applicant.user,
        )
    grant.refresh_from_db()
    assert grant.payment_details is None  # nothing of the refused details was kept
    fund.give_payment_details(
        grant, payee_name="Media NGO", details={"account": LISTED_XBT}, by=app.applicant.user
    )
    [hold] = ScreeningHold.objects.filter(application=app, party="payee", status="open")
    [match] = hold.reveal("matches", by=None, purpose="test reads the matches")
    assert match["entity_id"].startswith("ofac-") and LISTED_XBT in match["explanation"]
    assert Decimal(str(match["score"])) == 1


def test_the_fund_pays_an_iban_without_a_wallet_hold(lists, make_staff):
    from hramada.fund import services as fund
    from hramada.fund.models import ScreeningHold

    grant, app = _grant(make_staff)
    fund.give_payment_details(
        grant,
        payee_name="Media NGO",
        details={"account": "LT12 1000 0111 0100 1000"},
        by=app.applicant.user,
    )
    assert not ScreeningHold.objects.filter(application=app, party="payee").exists()
