"""Demo registry: dozens of Lorestan cooperatives in the seed's sectors, thousands of members,
a realistic share ledger (subscriptions, instalments, transfers, exits), built through the
services (the bulk ones for lists) acting as the platform itself (`SYSTEM`)."""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from taavon.capital.models import ShareClass
from taavon.capital.selectors import member_balances
from taavon.capital.services import (
    Payment,
    Subscription,
    capital_pay_batch,
    capital_subscribe,
    capital_transfer,
    share_class_create,
)
from taavon.core.permissions import SYSTEM
from taavon.demo import synthetic
from taavon.geo.models import County
from taavon.persian.text import search_key
from taavon.registry.models import ActivityKind, Cooperative, CooperativeStatus, Membership, Sector
from taavon.registry.rules import rule_profile_for
from taavon.registry.services.members import membership_admit_many, membership_exit
from taavon.registry.services.people import PersonData
from taavon.registry.services.status import (
    cooperative_opened,
    cooperative_register,
    cooperative_status_change,
)

# (name, county slug, kind, sector, status)
DEMO_COOPERATIVES: list[tuple[str, str, str, str, str]] = [
    ("تعاونی فرش دستباف بانوان دورود", "dorud", "production", "carpet", "active"),
    ("تعاونی پرورش ماهی سردابی الشتر", "selseleh", "production", "fisheries", "active"),
    ("تعاونی گردشگری و بوم‌گردی خرم‌آباد", "khorramabad", "distribution", "tourism", "active"),
    ("تعاونی صنایع دستی گلیم کوهدشت", "kuhdasht", "production", "handicrafts", "active"),
    ("تعاونی دانش‌بنیان داروهای گیاهی بروجرد", "borujerd", "production", "pharmaceutical", "active"),
    ("تعاونی کشاورزی گندم‌کاران ازنا", "azna", "production", "agriculture", "inactive"),
    ("تعاونی دامداران عشایر الیگودرز", "aligudarz", "production", "livestock", "active"),
    ("تعاونی زنبورداران پلدختر", "poldokhtar", "production", "agriculture", "active"),
    ("تعاونی استارتاپی نوآوران لرستان", "khorramabad", "distribution", "startups", "active"),
    ("تعاونی مسکن فرهنگیان بروجرد", "borujerd", "distribution", "housing", "active"),
    ("تعاونی مصرف کارکنان دانشگاه لرستان", "khorramabad", "distribution", "consumer", "active"),
    ("تعاونی اعتبار کسبهٔ دورود", "dorud", "distribution", "credit", "active"),
    ("تعاونی حمل و نقل بار کوهدشت", "kuhdasht", "distribution", "transport", "active"),
    ("تعاونی صیادان سد مروک", "khorramabad", "production", "fisheries", "active"),
    ("تعاونی معدنی سنگ‌های تزئینی ازنا", "azna", "production", "mining", "active"),
    ("تعاونی صنعتی قطعات خودرو بروجرد", "borujerd", "production", "industry", "active"),
    ("تعاونی خدمات گردشگری دره خزینه", "kuhdasht", "distribution", "tourism", "active"),
    ("تعاونی فرآوری گیاهان دارویی الیگودرز", "aligudarz", "production", "pharmaceutical", "active"),
    ("تعاونی قالی‌بافان روستای چغلوندی", "borujerd", "production", "carpet", "active"),
    ("تعاونی تولیدکنندگان عسل چگنی", "chegeni", "production", "agriculture", "active"),
    ("تعاونی دامپروری صنعتی دلفان", "delfan", "production", "livestock", "active"),
    ("تعاونی چندمنظورهٔ روستایی سلسله", "selseleh", "multipurpose", "services", "active"),
    ("تعاونی خدمات فنی مهندسی خرم‌آباد", "khorramabad", "distribution", "services", "active"),
    ("تعاونی نمد و سیاه‌چادر رومشکان", "rumeshkan", "production", "handicrafts", "active"),
    ("تعاونی باغداران انار پلدختر", "poldokhtar", "production", "agriculture", "liquidation"),
    ("تعاونی آبزی‌پروری گرمابی پلدختر", "poldokhtar", "production", "fisheries", "active"),
    ("تعاونی کارآفرینان دیجیتال بروجرد", "borujerd", "distribution", "startups", "active"),
    ("تعاونی مسکن کارگران دورود", "dorud", "distribution", "housing", "active"),
    ("تعاونی صنایع چوب و مبلمان الشتر", "selseleh", "production", "industry", "active"),
    ("تعاونی سفال و سرامیک دلفان", "delfan", "production", "handicrafts", "active"),
    ("تعاونی تاکسیرانی خرم‌آباد", "khorramabad", "distribution", "transport", "inactive"),
    ("تعاونی گیاهان دارویی کوهدشت", "kuhdasht", "production", "pharmaceutical", "active"),
    ("تعاونی اقامتگاه‌های بوم‌گردی الیگودرز", "aligudarz", "distribution", "tourism", "active"),
    ("تعاونی کشاورزان نخود ازنا", "azna", "production", "agriculture", "active"),
    ("تعاونی معدن گچ دورود", "dorud", "production", "mining", "dissolved"),
    ("تعاونی لبنیات روستایی چگنی", "chegeni", "production", "livestock", "active"),
]
NOMINAL = 1_000_000  # rials per share


def synthetic_people(rng: random.Random, count: int) -> list[PersonData]:
    """`count` people with valid, distinct national IDs (fewer on a collision, which is rare)."""
    people = []
    for _ in range(count):
        first, last, gender = synthetic.person_name(rng)
        people.append(
            PersonData(
                national_id=synthetic.national_id(rng),
                first_name=first,
                last_name=last,
                father_name=rng.choice(synthetic.FIRST_NAMES[:12]),
                gender=gender,
                birth_date=datetime.date(1960, 1, 1)
                + datetime.timedelta(days=rng.randrange(16000)),
                mobile=synthetic.mobile(rng),
            )
        )
    return list({p.national_id: p for p in people}.values())


def _payments(
    cooperative_id: int, share_class: ShareClass, rng: random.Random, on: datetime.date
) -> int:
    """Instalments for most members, as one batch of payments (a bank statement)."""
    members = {m.pk: m for m in Membership.objects.filter(cooperative_id=cooperative_id)}
    items = []
    for (membership_id, _class_id), balance in sorted(member_balances(cooperative_id).items()):
        share = rng.choice([1, 1, 1, 2, 3])  # most paid in full, some a half or a third
        amount = balance.outstanding // share
        if amount > 0:
            items.append(Payment(members[membership_id], share_class, amount))
    capital_pay_batch(
        actor=SYSTEM,
        cooperative_id=cooperative_id,
        items=items,
        effective_on=on,
        reference=f"فیش {rng.randrange(10**6, 10**7)}",
    )
    return len(items)


def _one(
    rng: random.Random, county: County, name: str, kind: str, sector: str, status: str
) -> None:
    profile = rule_profile_for(kind=kind, sector=sector)
    registered_on = datetime.date(2004, 3, 21) + datetime.timedelta(days=rng.randrange(7500))
    with transaction.atomic():
        cooperative = Cooperative.objects.create(
            name=name,
            county=county,
            kind=kind,
            sector=sector,
            rule_profile=profile,
            activity=f"{Sector(sector).label} — {ActivityKind(kind).label}",
            address=f"{county.name_fa}، خیابان {rng.choice(['امام', 'انقلاب', 'شریعتی', 'کشاورز'])}، پلاک {rng.randrange(1, 300)}",
            postcode=f"{rng.randrange(6, 7)}{rng.randrange(10**8, 10**9)}",
            phone=f"066{rng.randrange(10**7, 10**8)}",
        )
        cooperative_opened(actor=SYSTEM, cooperative=cooperative, note="پیش از سامانه تأسیس شد")
        share_class = share_class_create(
            actor=SYSTEM,
            cooperative_id=cooperative.pk,
            code="A",
            name="سهم عادی",
            nominal_value=NOMINAL,
        )
        size = max(profile.min_members, rng.randint(12, 140))
        if profile.max_members:
            size = min(size, profile.max_members)
        people = synthetic_people(rng, size)
        members = [
            *membership_admit_many(
                actor=SYSTEM,
                cooperative_id=cooperative.pk,
                people=people[:7],
                joined_on=registered_on,
                is_founder=True,
            ),
            *membership_admit_many(
                actor=SYSTEM,
                cooperative_id=cooperative.pk,
                people=people[7:],
                joined_on=registered_on,
            ),
        ]
        capital_subscribe(
            actor=SYSTEM,
            cooperative_id=cooperative.pk,
            effective_on=registered_on,
            items=[Subscription(m, share_class, rng.randint(5, 40)) for m in members],
        )
        _payments(cooperative.pk, share_class, rng, registered_on + datetime.timedelta(days=30))
        cooperative_register(
            actor=SYSTEM,
            cooperative_id=cooperative.pk,
            registration_number=str(rng.randrange(100, 9000)),
            registration_date=registered_on,
            legal_national_id=synthetic.legal_national_id(rng),
        )
    # Life after registration: a transfer between two fully paid members, and a resignation.
    balances = member_balances(cooperative.pk)
    paid_up = [
        m for m in members if (b := balances.get((m.pk, share_class.pk))) and b.paid == b.subscribed
    ]
    if len(paid_up) >= 2:
        source, target = paid_up[0], paid_up[-1]
        capital_transfer(
            actor=SYSTEM,
            source=source,
            target=target,
            share_class=share_class,
            shares=1,
            board_approval=f"صورت‌جلسهٔ هیئت‌مدیره شمارهٔ {rng.randrange(1, 90)}",
            effective_on=registered_on + datetime.timedelta(days=400),
        )
    membership_exit(
        actor=SYSTEM,
        membership_id=members[-2].pk,
        status="resigned",
        exit_date=registered_on + datetime.timedelta(days=700),
        reason="انتقال محل سکونت",
    )
    if status != CooperativeStatus.ACTIVE:
        path = {
            "inactive": ["inactive"],
            "liquidation": ["liquidation"],
            "dissolved": ["liquidation", "dissolved"],
        }[status]
        for step in path:
            cooperative_status_change(
                actor=SYSTEM,
                cooperative_id=cooperative.pk,
                to_status=step,
                reason="تصمیم مجمع عمومی فوق‌العاده",
            )


def seed_registry(*, seed: int = 1404) -> int:
    """Create the demo cooperatives that do not exist yet; returns how many were created."""
    counties = {c.slug: c for c in County.objects.filter(province__code="IR-15")}
    created = 0
    for name, slug, kind, sector, status in DEMO_COOPERATIVES:
        if Cooperative.objects.filter(name_key=search_key(name)).exists():
            continue
        # One generator per cooperative keeps re-runs deterministic when some already exist.
        _one(random.Random(f"{seed}:{name}"), counties[slug], name, kind, sector, status)
        created += 1
    return created
