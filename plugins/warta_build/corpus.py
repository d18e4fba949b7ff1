"""A deterministic generator of news-like articles for benchmarks (same seed, same files)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from warta.source.frontmatter import SITE_ZONE

PEOPLE = ["Kim Jong Un", "Vladimir Putin", "Prabowo Subianto", "Joko Widodo", "Sergey Lavrov", "Kim Yo Jong",
          "Perry Warjiyo", "Sri Mulyani", "Anies Baswedan", "Ganjar Pranowo", "Retno Marsudi", "Joe Biden"]
PLACES = ["Jakarta", "Pyongyang", "Moskow", "Vladivostok", "Surabaya", "Bandung", "Seoul", "Beijing",
          "Washington", "Makassar", "Medan", "Nusantara"]
ORGS = ["Bank Indonesia", "KPU", "Mahkamah Konstitusi", "PBB", "ASEAN", "KCNA", "Kremlin", "DPR", "TNI", "BPS"]
DATES_ID = ["pada Rabu (13/9/2023)", "pada 4 September", "pekan lalu", "kemarin", "pada Oktober lalu",
            "sejak 2019", "tahun lalu", "pada Kamis", "pada 20 Maret 2024", "bulan depan"]
DATES_EN = ["on Wednesday", "on Sept. 4", "last week", "yesterday", "in October", "since 2019", "last year",
            "on March 20, 2024", "next month", "on June 19"]
ID = ["{p} bertemu {q} di {pl} {d}.", "Menurut {o}, {p} akan berkunjung ke {pl} {d}.",
      "Juru bicara {o} mengatakan kepada wartawan bahwa pertemuan itu berjalan lancar.",
      "Sebanyak 1.200 orang hadir dalam acara yang dibuka pukul 09.00 WIB itu.",
      "{p} menyampaikan bahwa kerja sama dengan {o} terus diperkuat {d}.",
      "Para analis di {pl} menilai langkah tersebut sebagai sinyal penting bagi kawasan.",
      "Inflasi tercatat 2,3 persen, sementara suku bunga bertahan di 6,25 persen."]
EN = ["{p} met {q} in {pl} {d}.", "According to {o}, {p} will travel to {pl} {d}.",
      "A spokesperson for {o} told reporters the talks had gone smoothly.",
      "About 1,200 people attended the event, which opened at 9 a.m. local time.",
      "{p} said cooperation with {o} would deepen {d}.",
      "Analysts in {pl} called the move an important signal for the region.",
      "Inflation stood at 2.3 percent while the policy rate held at 6.25 percent."]
CATEGORIES = ["Internasional", "Nasional", "Ekonomi", "Politik"]


def sentence(rng: random.Random, lang: str) -> str:
    template = rng.choice(ID if lang == "id" else EN)
    return template.format(p=rng.choice(PEOPLE), q=rng.choice(PEOPLE), pl=rng.choice(PLACES),
                           o=rng.choice(ORGS), d=rng.choice(DATES_ID if lang == "id" else DATES_EN))


def body(rng: random.Random, lang: str, words: int = 450) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng, lang) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def article(index: int, seed: int = 7, words: int = 450) -> tuple[str, str]:
    """(relative path, file text) of generated article number ``index``."""
    rng = random.Random(seed * 1_000_003 + index)
    lang = "id" if rng.random() < 0.7 else "en"
    # Backwards from the start of 2023, 7 hours apart: 50,000 articles reach back to 1983, never into the future
    # (an article dated after "now" is embargoed and not built).
    date = datetime(2023, 1, 1, 8, 0, tzinfo=SITE_ZONE) - timedelta(hours=7 * index + rng.randint(0, 6))
    title = f"{sentence(rng, lang).rstrip('.')[:80]} #{index}"
    summary = sentence(rng, lang)
    text = (f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}\nlang: {lang}\n"
            f"summary: \"{summary}\"\ncategory: {rng.choice(CATEGORIES)}\n"
            f"tags: [{rng.choice(['diplomasi', 'ekonomi', 'pemilu', 'militer'])}]\n---\n"
            f"{body(rng, lang, words)}\n")
    return f"articles/{date:%Y}/{date:%m}/artikel-{index:05d}.md", text


SYLLABLES = ["ka", "ri", "mo", "sa", "tu", "ne", "lo", "wi", "da", "pu", "ge", "ra", "yo", "ba", "shi", "an"]


def synthetic_names(count: int, seed: int = 11) -> list[tuple[str, str]]:
    """``count`` (name, alias) pairs of made-up people, e.g. ('Karimo Satune', 'Satune Karimo'); no form repeats."""
    rng, seen, out = random.Random(seed), set(), []
    while len(out) < count:
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        name, alias = f"{first} {last}", f"{last} {first}"
        if first != last and not {name, alias} & seen:
            seen.update((name, alias))
            out.append((name, alias))
    return out


def known_names() -> list[tuple[str, str]]:
    """The people, places and organisations the generated articles name, with their types."""
    return ([(n, "person") for n in PEOPLE] + [(n, "place") for n in PLACES]
            + [(n, "organization") for n in ORGS])
