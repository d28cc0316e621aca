"""Realistic generated counterparties for the demo watch list and the re-screen benchmark: Belarusian and Russian
people and organisations written as Belarusians are written in practice, in four forms.

How a name is made (documented because benchmarks/rescreen.py depends on it):
* a person has a given name, an optional patronymic and a surname, drawn from aligned tables that give each name in
  Belarusian Cyrillic, Belarusian Latin (the national passport romanisation), Russian Cyrillic and Russian Latin
  (Aliaksandr / Аляксандр / Александр / Aleksandr). Surnames are a root (Kaval-, Navum-, Sh​ved-...) with one of the
  common endings of each language (-enka/-enko, -ich, -ski/-sky, -ou/-ov, -ionak/-yonok), which gives ~1,000
  different surnames, about the spread a population of 100,000 shows;
* the form is drawn per person (40% Belarusian Latin, 20% Belarusian Cyrillic, 25% Russian Cyrillic, 15% Russian
  Latin), female persons take the female surname ending (-ava/-ova, -kaja/-kaya) where the language has one;
* 60% of persons carry a birth date (1945-2004), 70% a country (by, ru, lt, pl, ua);
* 15% are organisations: a legal form (ТАА, ААТ, ООО, ОАО, LLC, UAB, sp. z o.o.) and one or two words of trade.
Seeded: the same seed gives the same counterparties.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

# (be-Cyrl, be-Latn, ru-Cyrl, ru-Latn)
MALE = (
    ("Аляксандр", "Aliaksandr", "Александр", "Aleksandr"),
    ("Сяргей", "Siarhei", "Сергей", "Sergey"),
    ("Уладзімір", "Uladzimir", "Владимир", "Vladimir"),
    ("Аляксей", "Aliaksei", "Алексей", "Aleksey"),
    ("Дзмітрый", "Dzmitry", "Дмитрий", "Dmitry"),
    ("Андрэй", "Andrei", "Андрей", "Andrey"),
    ("Мікалай", "Mikalai", "Николай", "Nikolay"),
    ("Віктар", "Viktar", "Виктор", "Viktor"),
    ("Ігар", "Ihar", "Игорь", "Igor"),
    ("Юрый", "Yury", "Юрий", "Yuriy"),
    ("Павел", "Pavel", "Павел", "Pavel"),
    ("Васіль", "Vasil", "Василий", "Vasiliy"),
    ("Іван", "Ivan", "Иван", "Ivan"),
    ("Алег", "Aleh", "Олег", "Oleg"),
    ("Міхаіл", "Mikhail", "Михаил", "Mikhail"),
    ("Яўген", "Yauhen", "Евгений", "Evgeniy"),
    ("Анатоль", "Anatol", "Анатолий", "Anatoliy"),
    ("Генадзь", "Henadz", "Геннадий", "Gennadiy"),
    ("Раман", "Raman", "Роман", "Roman"),
    ("Максім", "Maksim", "Максим", "Maksim"),
    ("Пётр", "Piotr", "Пётр", "Petr"),
    ("Валерый", "Valery", "Валерий", "Valeriy"),
    ("Леанід", "Leanid", "Леонид", "Leonid"),
    ("Арцём", "Artsiom", "Артём", "Artem"),
    ("Кірыл", "Kiryl", "Кирилл", "Kirill"),
    ("Станіслаў", "Stanislau", "Станислав", "Stanislav"),
    ("Вадзім", "Vadzim", "Вадим", "Vadim"),
    ("Рыгор", "Ryhor", "Григорий", "Grigoriy"),
    ("Канстанцін", "Kanstantsin", "Константин", "Konstantin"),
    ("Яраслаў", "Yaraslau", "Ярослав", "Yaroslav"),
)
FEMALE = (
    ("Алена", "Alena", "Елена", "Elena"),
    ("Вольга", "Volha", "Ольга", "Olga"),
    ("Таццяна", "Tatsiana", "Татьяна", "Tatyana"),
    ("Наталля", "Natallia", "Наталья", "Natalya"),
    ("Ірына", "Iryna", "Ирина", "Irina"),
    ("Святлана", "Sviatlana", "Светлана", "Svetlana"),
    ("Марыя", "Maryia", "Мария", "Mariya"),
    ("Ганна", "Hanna", "Анна", "Anna"),
    ("Юлія", "Yulia", "Юлия", "Yuliya"),
    ("Кацярына", "Katsiaryna", "Екатерина", "Ekaterina"),
    ("Людміла", "Liudmila", "Людмила", "Lyudmila"),
    ("Галіна", "Halina", "Галина", "Galina"),
    ("Надзея", "Nadzeya", "Надежда", "Nadezhda"),
    ("Вераніка", "Veranika", "Вероника", "Veronika"),
    ("Дар'я", "Daria", "Дарья", "Darya"),
    ("Ксенія", "Ksenia", "Ксения", "Kseniya"),
    ("Валянціна", "Valiantsina", "Валентина", "Valentina"),
    ("Анастасія", "Anastasiya", "Анастасия", "Anastasiya"),
)
# Surname roots: (be-Cyrl, be-Latn, ru-Cyrl, ru-Latn).
ROOTS = (
    ("Кавал", "Kaval", "Ковал", "Koval"),
    ("Навум", "Navum", "Наум", "Naum"),
    ("Шавел", "Shavel", "Шевел", "Shevel"),
    ("Лаўрын", "Lauryn", "Лавр", "Lavr"),
    ("Кузьм", "Kuzm", "Кузьм", "Kuzm"),
    ("Бандар", "Bandar", "Бондар", "Bondar"),
    ("Шаўц", "Shauts", "Шевц", "Shevts"),
    ("Жук", "Zhuk", "Жук", "Zhuk"),
    ("Грыц", "Hryts", "Гриц", "Grits"),
    ("Дубр", "Dubr", "Дубр", "Dubr"),
    ("Карп", "Karp", "Карп", "Karp"),
    ("Мельн", "Meln", "Мельн", "Meln"),
    ("Казл", "Kazl", "Козл", "Kozl"),
    ("Сідар", "Sidar", "Сидор", "Sidor"),
    ("Лысен", "Lysen", "Лысен", "Lysen"),
    ("Гаўрыл", "Hauryl", "Гаврил", "Gavril"),
    ("Пятр", "Piatr", "Петр", "Petr"),
    ("Цярэш", "Tsiaresh", "Терещ", "Tereshch"),
    ("Мацкев", "Matskev", "Мацкев", "Matskev"),
    ("Астап", "Astap", "Остап", "Ostap"),
    ("Барыс", "Barys", "Борис", "Boris"),
    ("Вашкев", "Vashkev", "Вашкев", "Vashkev"),
    ("Гардзей", "Hardzei", "Гордей", "Gordei"),
    ("Даніл", "Danil", "Данил", "Danil"),
    ("Ермал", "Yermal", "Ермол", "Ermol"),
    ("Захар", "Zakhar", "Захар", "Zakhar"),
    ("Ігнат", "Ihnat", "Игнат", "Ignat"),
    ("Клім", "Klim", "Клим", "Klim"),
    ("Лукаш", "Lukash", "Лукаш", "Lukash"),
    ("Макар", "Makar", "Макар", "Makar"),
    ("Несцер", "Nestser", "Нестер", "Nester"),
    ("Пархом", "Parkhom", "Пархом", "Parkhom"),
    ("Радзіў", "Radziu", "Родив", "Rodiv"),
    ("Савіц", "Savits", "Савиц", "Savits"),
    ("Тарас", "Taras", "Тарас", "Taras"),
    ("Усцін", "Ustsin", "Устин", "Ustin"),
    ("Фядос", "Fiados", "Федос", "Fedos"),
    ("Харыт", "Kharyt", "Харит", "Kharit"),
    ("Цімаш", "Tsimash", "Тимош", "Timosh"),
    ("Чарнаў", "Charnau", "Черн", "Chern"),
    ("Шыбал", "Shybal", "Шибал", "Shibal"),
    ("Юрчык", "Yurchyk", "Юрчик", "Yurchik"),
    ("Бялаш", "Bialash", "Белаш", "Belash"),
    ("Варан", "Varan", "Ворон", "Voron"),
    ("Галуб", "Halub", "Голуб", "Golub"),
    ("Дзям", "Dziam", "Дем", "Dem"),
    ("Зуб", "Zub", "Зуб", "Zub"),
    ("Кісял", "Kisial", "Кисел", "Kisel"),
    ("Лапц", "Lapts", "Лапт", "Lapt"),
    ("Мароз", "Maroz", "Мороз", "Moroz"),
    ("Пашк", "Pashk", "Пашк", "Pashk"),
    ("Рудз", "Rudz", "Руд", "Rud"),
    ("Сакал", "Sakal", "Сокол", "Sokol"),
    ("Ткач", "Tkach", "Ткач", "Tkach"),
    ("Хвашч", "Khvashch", "Хвощ", "Khvoshch"),
    ("Цыган", "Tsyhan", "Цыган", "Tsygan"),
    ("Шчарб", "Shcharb", "Щерб", "Shcherb"),
    ("Ясін", "Yasin", "Ясин", "Yasin"),
    ("Бабр", "Babr", "Бобр", "Bobr"),
    ("Вераб", "Verab", "Вороб", "Vorob"),
    ("Грамык", "Hramyk", "Громык", "Gromyk"),
    ("Жаўран", "Zhauran", "Жаворон", "Zhavoron"),
    ("Кулеш", "Kulesh", "Кулеш", "Kulesh"),
    ("Лебедз", "Lebedz", "Лебед", "Lebed"),
    ("Мядзведз", "Miadzviedz", "Медвед", "Medved"),
    ("Новік", "Novik", "Новик", "Novik"),
    ("Пракоп", "Prakop", "Прокоп", "Prokop"),
    ("Рак", "Rak", "Рак", "Rak"),
    ("Сцяпан", "Stsiapan", "Степан", "Stepan"),
    ("Трус", "Trus", "Трус", "Trus"),
    ("Філіп", "Filip", "Филип", "Filip"),
    ("Хамец", "Khamets", "Хомец", "Khomets"),
    ("Чыж", "Chyzh", "Чиж", "Chizh"),
    ("Шустар", "Shustar", "Шустер", "Shuster"),
    ("Юшкев", "Yushkev", "Юшкев", "Yushkev"),
    ("Абрам", "Abram", "Абрам", "Abram"),
    ("Бурак", "Burak", "Бурак", "Burak"),
    ("Васілеўск", "Vasileusk", "Василевск", "Vasilevsk"),
    ("Гурын", "Huryn", "Гурин", "Gurin"),
    ("Дашкев", "Dashkev", "Дашкев", "Dashkev"),
    ("Ждан", "Zhdan", "Ждан", "Zhdan"),
    ("Зайц", "Zaits", "Зайц", "Zaits"),
    ("Каржан", "Karzhan", "Коржан", "Korzhan"),
    ("Ліс", "Lis", "Лис", "Lis"),
    ("Міхнев", "Mikhnev", "Михнев", "Mikhnev"),
    ("Пацук", "Patsuk", "Пацук", "Patsuk"),
    ("Ражк", "Razhk", "Рожк", "Rozhk"),
    ("Сямашк", "Siamashk", "Семашк", "Semashk"),
    ("Урбан", "Urban", "Урбан", "Urban"),
    ("Хадкев", "Khadkev", "Ходкев", "Khodkev"),
    ("Цвірк", "Tsvirk", "Цвирк", "Tsvirk"),
    ("Шаран", "Sharan", "Шаран", "Sharan"),
    ("Янук", "Yanuk", "Янук", "Yanuk"),
    ("Брыл", "Bryl", "Брыл", "Bryl"),
)
# Endings: (be-Cyrl m, be-Latn m, ru-Cyrl m, ru-Latn m, be-Cyrl f, be-Latn f, ru-Cyrl f, ru-Latn f)
ENDINGS = (
    ("енка", "enka", "енко", "enko", "енка", "enka", "енко", "enko"),
    ("ёнак", "ionak", "ёнок", "yonok", "ёнак", "ionak", "ёнок", "yonok"),
    ("ыч", "ich", "ич", "ich", "ыч", "ich", "ич", "ich"),
    ("скі", "ski", "ский", "skiy", "ская", "skaya", "ская", "skaya"),
    ("оў", "ou", "ов", "ov", "ова", "ova", "ова", "ova"),
    ("ін", "in", "ин", "in", "іна", "ina", "ина", "ina"),
    ("ук", "uk", "ук", "uk", "ук", "uk", "ук", "uk"),
    ("еня", "enia", "еня", "enya", "еня", "enia", "еня", "enya"),
    ("ік", "ik", "ик", "ik", "ік", "ik", "ик", "ik"),
    ("ец", "ets", "ец", "ets", "ец", "ets", "ец", "ets"),
)
FORMS = (("be-Cyrl", 0.20), ("be-Latn", 0.40), ("ru-Cyrl", 0.25), ("ru-Latn", 0.15))
FORM_INDEX = {"be-Cyrl": 0, "be-Latn": 1, "ru-Cyrl": 2, "ru-Latn": 3}
COUNTRIES = ("by", "by", "by", "ru", "lt", "pl", "ua")
LEGAL_FORMS_CYRILLIC = ("ТАА", "ААТ", "ООО", "ОАО", "ЗАТ", "УП")
LEGAL_FORMS_LATIN = ("LLC", "UAB", "sp. z o.o.", "OOO", "OAO", "JSC")
# Patronymics: (be-Cyrl m, be-Cyrl f, be-Latn m, be-Latn f, ru-Cyrl m, ru-Cyrl f, ru-Latn m, ru-Latn f)
PATRONYMICS = (
    (
        "Аляксандравіч",
        "Аляксандраўна",
        "Aliaksandravich",
        "Aliaksandrauna",
        "Александрович",
        "Александровна",
        "Aleksandrovich",
        "Aleksandrovna",
    ),
    (
        "Сяргеевіч",
        "Сяргееўна",
        "Siarheyevich",
        "Siarheyeuna",
        "Сергеевич",
        "Сергеевна",
        "Sergeyevich",
        "Sergeyevna",
    ),
    (
        "Уладзіміравіч",
        "Уладзіміраўна",
        "Uladzimiravich",
        "Uladzimirauna",
        "Владимирович",
        "Владимировна",
        "Vladimirovich",
        "Vladimirovna",
    ),
    (
        "Мікалаевіч",
        "Мікалаеўна",
        "Mikalayevich",
        "Mikalayeuna",
        "Николаевич",
        "Николаевна",
        "Nikolayevich",
        "Nikolayevna",
    ),
    (
        "Віктаравіч",
        "Віктараўна",
        "Viktaravich",
        "Viktarauna",
        "Викторович",
        "Викторовна",
        "Viktorovich",
        "Viktorovna",
    ),
    ("Іванавіч", "Іванаўна", "Ivanavich", "Ivanauna", "Иванович", "Ивановна", "Ivanovich", "Ivanovna"),
    ("Пятровіч", "Пятроўна", "Piatrovich", "Piatrouna", "Петрович", "Петровна", "Petrovich", "Petrovna"),
    (
        "Міхайлавіч",
        "Міхайлаўна",
        "Mikhailavich",
        "Mikhailauna",
        "Михайлович",
        "Михайловна",
        "Mikhaylovich",
        "Mikhaylovna",
    ),
    (
        "Васілевіч",
        "Васілеўна",
        "Vasilevich",
        "Vasileuna",
        "Васильевич",
        "Васильевна",
        "Vasilyevich",
        "Vasilyevna",
    ),
    (
        "Анатольевіч",
        "Анатольеўна",
        "Anatolyevich",
        "Anatolyeuna",
        "Анатольевич",
        "Анатольевна",
        "Anatolyevich",
        "Anatolyevna",
    ),
    ("Юр'евіч", "Юр'еўна", "Yuryevich", "Yuryeuna", "Юрьевич", "Юрьевна", "Yuryevich", "Yuryevna"),
    (
        "Леанідавіч",
        "Леанідаўна",
        "Leanidavich",
        "Leanidauna",
        "Леонидович",
        "Леонидовна",
        "Leonidovich",
        "Leonidovna",
    ),
)
TRADES = (
    ("Будтэхсэрвіс", "Budtekhservis"),
    ("Агракомплекс", "Agrokompleks"),
    ("Трансметал", "Transmetal"),
    ("Белпрамсервіс", "Belpromservis"),
    ("Лесгандаль", "Lestorg"),
    ("Мінскі аўтасэрвіс", "Minsk Autoservice"),
    ("Палессе-Агра", "Polesie Agro"),
    ("Нёман-Логістык", "Neman Logistic"),
    ("Віцебскі млын", "Vitebsk Mill"),
    ("Гомельтранс", "Gomeltrans"),
    ("Брэсцкі дрэваапрацоўчы", "Brest Woodworking"),
    ("Магілёўхім", "Mogilevkhim"),
    ("СтройИнвест", "StroyInvest"),
    ("Тэхнапарк", "Technopark"),
    ("ЭнергаБуд", "EnergoBud"),
    ("Медтэхніка", "Medtekhnika"),
)


@dataclass(frozen=True)
class GeneratedParty:
    name: str
    schema: str
    birth_date: str = ""
    country: str = ""


def _pick_form(rng: random.Random) -> int:
    roll, total = rng.random(), 0.0
    for form, share in FORMS:
        total += share
        if roll < total:
            return FORM_INDEX[form]
    return 1


def person(rng: random.Random) -> GeneratedParty:
    form = _pick_form(rng)
    female = rng.random() < 0.45
    given = rng.choice(FEMALE if female else MALE)
    root = rng.choice(ROOTS)
    ending = rng.choice(ENDINGS)
    surname = root[form] + ending[form + (4 if female else 0)]
    parts = [given[form]]
    if rng.random() < 0.35:
        parts.append(rng.choice(PATRONYMICS)[form * 2 + int(female)])
    parts.append(surname)
    if form in (1, 3) and rng.random() < 0.3:
        parts = [parts[-1].upper(), *parts[:-1]]  # SURNAME Given, as lists and registers write it
    birth = ""
    if rng.random() < 0.6:
        birth = f"{rng.randint(1945, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    country = rng.choice(COUNTRIES) if rng.random() < 0.7 else ""
    return GeneratedParty(" ".join(parts), "Person", birth, country)


def organisation(rng: random.Random) -> GeneratedParty:
    trade = rng.choice(TRADES)
    latin = rng.random() < 0.5
    words = trade[1] if latin else trade[0]
    legal = rng.choice(LEGAL_FORMS_LATIN if latin else LEGAL_FORMS_CYRILLIC)
    name = f"{legal} «{words}»" if not latin else f"{words} {legal}"
    if rng.random() < 0.6:
        root = rng.choice(ROOTS)
        name = f"{name} {root[1 if latin else 0]}"
    return GeneratedParty(name, "Company", "", rng.choice(COUNTRIES) if rng.random() < 0.8 else "")


def generate(count: int, *, seed: int = 19) -> Iterator[GeneratedParty]:
    rng = random.Random(seed)  # noqa: S311 (generated test data, not secrets)
    for _ in range(count):
        yield organisation(rng) if rng.random() < 0.15 else person(rng)
