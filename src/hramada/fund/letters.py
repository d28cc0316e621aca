"""Decision letters in the applicant's language. Real texts in Belarusian, Russian and English, written for
the people who receive them: short, clear about what happens next, and never naming anyone but the fund."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hramada.core.formatting import money


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


LETTERS: Mapping[str, Mapping[str, Letter]] = {
    "received": {
        "en": Letter(
            "We received your application {reference}",
            "Thank you. We received your application {reference} ({title}).\n\n"
            "{timing}\n\nYou can follow its status and write to us on this site. We will never contact you "
            "through any other channel unless you asked us to.",
        ),
        "be": Letter(
            "Мы атрымалі вашу заяўку {reference}",
            "Дзякуй. Мы атрымалі вашу заяўку {reference} ({title}).\n\n"
            "{timing}\n\nВы можаце сачыць за яе статусам і пісаць нам на гэтым сайце. Мы ніколі не будзем "
            "звязвацца з вамі іншым спосабам, калі вы самі пра гэта не папрасілі.",
        ),
        "ru": Letter(
            "Мы получили вашу заявку {reference}",
            "Спасибо. Мы получили вашу заявку {reference} ({title}).\n\n"
            "{timing}\n\nВы можете следить за её статусом и писать нам на этом сайте. Мы никогда не будем "
            "связываться с вами иным способом, если вы сами об этом не попросили.",
        ),
    },
    "timing_rapid": {
        "en": Letter("", "Urgent requests are decided within {hours} hours."),
        "be": Letter("", "Па тэрміновых запытах рашэнне прымаецца на працягу {hours} гадзін."),
        "ru": Letter("", "По срочным запросам решение принимается в течение {hours} часов."),
    },
    "timing_long": {
        "en": Letter("", "Long-term proposals are reviewed in rounds; yours is in the round of {round}."),
        "be": Letter("", "Доўгатэрміновыя праекты разглядаюцца раундамі; ваш — у раундзе {round}."),
        "ru": Letter("", "Долгосрочные проекты рассматриваются раундами; ваш — в раунде {round}."),
    },
    "approved": {
        "en": Letter(
            "Your application {reference} is approved",
            "We are glad to tell you that the fund approved your application {reference} ({title}) for "
            "{amount}.\n\n{next_steps}\n\n{note}\n\nWith solidarity,\nthe Belarus Democracy Support Fund",
        ),
        "be": Letter(
            "Вашая заяўка {reference} ухвалена",
            "Рады паведаміць, што фонд ухваліў вашую заяўку {reference} ({title}) на суму {amount}.\n\n"
            "{next_steps}\n\n{note}\n\nЗ салідарнасцю,\nФонд падтрымкі беларускай дэмакратыі",
        ),
        "ru": Letter(
            "Ваша заявка {reference} одобрена",
            "Рады сообщить, что фонд одобрил вашу заявку {reference} ({title}) на сумму {amount}.\n\n"
            "{next_steps}\n\n{note}\n\nС солидарностью,\nФонд поддержки белорусской демократии",
        ),
    },
    "next_rapid": {
        "en": Letter("", "Please enter the payment details on this site; we pay in one transfer."),
        "be": Letter(
            "", "Калі ласка, увядзіце плацежныя рэквізіты на гэтым сайце; мы плацім адным пераводам."
        ),
        "ru": Letter("", "Пожалуйста, укажите платёжные реквизиты на этом сайте; мы платим одним переводом."),
    },
    "next_long": {
        "en": Letter(
            "",
            "We will prepare a grant agreement with tranches tied to milestones. Each later tranche is paid "
            "once we accept your narrative and financial report.",
        ),
        "be": Letter(
            "",
            "Мы падрыхтуем дамову аб гранце з траншамі, звязанымі з этапамі. Кожны наступны транш "
            "выплачваецца пасля таго, як мы прымем ваш змястоўны і фінансавы справаздачы.",
        ),
        "ru": Letter(
            "",
            "Мы подготовим договор о гранте с траншами, привязанными к этапам. Каждый следующий транш "
            "выплачивается после того, как мы примем ваш содержательный и финансовый отчёты.",
        ),
    },
    "rejected": {
        "en": Letter(
            "Decision on your application {reference}",
            "Thank you for applying. We are sorry: the fund cannot support your application {reference} "
            "({title}).\n\n{note}\n\nYou may apply again at any time: applications are open all year. "
            "Personal data of this application will be erased after {days} days.",
        ),
        "be": Letter(
            "Рашэнне па вашай заяўцы {reference}",
            "Дзякуй за заяўку. На жаль, фонд не можа падтрымаць вашую заяўку {reference} ({title}).\n\n"
            "{note}\n\nВы можаце падаць заяўку зноў у любы час: прыём адкрыты ўвесь год. Асабістыя даныя "
            "гэтай заяўкі будуць выдалены праз {days} дзён.",
        ),
        "ru": Letter(
            "Решение по вашей заявке {reference}",
            "Спасибо за заявку. К сожалению, фонд не может поддержать вашу заявку {reference} ({title}).\n\n"
            "{note}\n\nВы можете подать заявку снова в любое время: приём открыт весь год. Персональные "
            "данные этой заявки будут удалены через {days} дней.",
        ),
    },
    "released": {
        "en": Letter(
            "Payment sent for {reference}",
            "We sent tranche {number} of your grant {reference}: {amount}, on {date}.",
        ),
        "be": Letter(
            "Плацёж па {reference} адпраўлены",
            "Мы адправілі транш {number} вашага гранту {reference}: {amount}, {date}.",
        ),
        "ru": Letter(
            "Платёж по {reference} отправлен",
            "Мы отправили транш {number} вашего гранта {reference}: {amount}, {date}.",
        ),
    },
}


def render(kind: str, language: str, **values: object) -> Letter:
    """The letter `kind` in `language` (English when the language is unknown), with `values` filled in."""
    letter = LETTERS[kind].get(language) or LETTERS[kind]["en"]
    filled = {key: str(value) for key, value in values.items()}
    return Letter(letter.subject.format(**filled), letter.body.format(**filled).strip())


def amount_in(language: str, amount: object, currency: str) -> str:
    return money(str(amount), currency, language)
