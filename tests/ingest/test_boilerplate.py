from importlib import resources

import pytest
import yaml

from evintel.ingest.boilerplate import boilerplate_spans, is_boilerplate

JUNK = [
    "YOU MAY BE INTERESTED IN",
    "You may also like",
    "Advertisement",
    "ADVERTISEMENT",
    "Advertisement - Article continues below",
    "Story continues below advertisement",
    "Share this article",
    "Share",
    "Share on Facebook",
    "Share on LinkedIn",
    "Share this story on WhatsApp / X / Email",
    "SHARE: Facebook | X | Threads",
    "See also: Grauwerk names new finance chief",
    "Related: Three start-ups chasing sodium-ion cells",
    "RELATED: Why van makers are going electric",
    "Related topics: cobalt, Finland, recycling",
    "Read more: The cheapest electric estates on sale",
    "READ MORE » Charging prices explained",
    "Also read: Kestrel Motors recalls 800 vans",
    "Most read",
    "MOST POPULAR",
    "Sign up for our newsletter",
    "Sign up to our daily battery briefing for the latest news.",
    "Subscribe",
    "Subscribe to our newsletter | Follow us on X | Imprint",
    "Click here",
    "Click here to download the full report",
    "Photo: Tessaro Group",
    "Photos: Motorwire / J. Example",
    "Image credit: company handout",
    "Image: press office",
    "We use cookies to give you the best experience on our website.",
    "This website uses cookies. Accept all | Reject | Settings",
    "By continuing to use this site you agree to our privacy policy.",
    "© 2024 Motorwire Media Ltd",
    "Copyright 2023 Battery Desk GmbH",
    "All rights reserved.",
    "Motorwire Media Ltd. All rights reserved",
    "Tags: batteries, Sweden, nickel",
    "Follow us on LinkedIn",
    "Home | News | Batteries | Charging | Log in",
    "Home > Cars > Electric > News",
    "Skip to main content",
    "[Image placeholder: the new plant at dusk]",
    "Your e-mail address  [Subscribe]",
    "4/12 The prototype on the test track in Arjeplog. (Photo: Lumeris)",
    "• Share this article",
    "Continue reading",
]

REAL = [
    "BMW's share of EV sales rose to 18 percent in the quarter.",
    "Related to the deal, Nissan will supply vans to the French group.",
    "Shares of Tata Motors closed 2% higher in Mumbai.",
    "Share prices of battery makers fell sharply on Monday.",
    "Subscribers to the charging service pay 39 cents per kilowatt-hour.",
    "The photo shows the new paint shop in Debrecen.",
    "Advertisement spending at the carmaker fell by a tenth last year.",
    "Tags fitted to every battery pack record where its cobalt came from.",
    "Read more about the plan in the company's annual report, the spokesman said.",
    "Most readers will not notice the change in the cars' software.",
    "Follow-up orders from the haulier are expected next year.",
    "The company said it would share battery technology with its partner.",
    "Kestrel Motors delivered 4,210 electric vans in February.",
    "Copyright disputes over battery chemistry are rare in the car industry.",
    "Image sensors from Sony are used in the driver assistance system.",
    "Home deliveries of the new model start in Norway in May.",
    "Click-and-collect sales now make up a third of its orders.",
    "Related party transactions with the parent rose to 1.2 billion yuan.",
    "BMW | 82,700 | 87,461 | 170,161",
    "Sign-ups for the subscription model beat the carmaker's forecast.",
    "All the rights to the battery design remain with Lumeris, the company said.",
]


@pytest.mark.parametrize("line", JUNK)
def test_is_boilerplate_flags_web_junk(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", REAL)
def test_is_boilerplate_keeps_real_sentences(line):
    assert not is_boilerplate(line)


def test_is_boilerplate_ignores_long_lines_and_blanks():
    assert not is_boilerplate("")
    assert not is_boilerplate("   ")
    assert not is_boilerplate("Share on " + "very " * 80 + "long line")


def _flagged(text: str) -> list[str]:
    return [text[start:end] for start, end in boilerplate_spans(text)]


def test_boilerplate_spans_point_at_junk_lines_in_original_text():
    text = (
        "Tessaro will build e-axles in Graz.\n"
        "  Advertisement  \n"
        "\n"
        "The plant will open in 2026.\r\n"
        "Share this article\n"
        "It will employ 600 people."
    )
    spans = boilerplate_spans(text)
    assert [text[s:e] for s, e in spans] == ["Advertisement", "Share this article"]
    assert spans[0] == (text.index("Advertisement"), text.index("Advertisement") + len("Advertisement"))


def test_boilerplate_spans_cover_headlines_under_a_link_list_header():
    text = (
        "Halden Trucks received 300 orders.\n\n"
        "Most read\n"
        "Grauwerk opens recycling plant in Austria\n"
        "1. Five electric vans compared\n"
        "Why charging costs vary\n\n"
        "The haulier will take delivery in 2025."
    )
    assert _flagged(text) == [
        "Most read",
        "Grauwerk opens recycling plant in Austria",
        "1. Five electric vans compared",
        "Why charging costs vary",
    ]


def test_boilerplate_spans_stop_the_link_list_at_a_real_sentence():
    text = (
        "Lumeris raised 85 million euros.\n"
        "YOU MAY BE INTERESTED IN\n"
        "Meanwhile, other battery start-ups have struggled to raise money this year.\n"
        "Borealis Cells cut 200 jobs"
    )
    assert _flagged(text) == ["YOU MAY BE INTERESTED IN"]


def test_boilerplate_spans_of_clean_text_are_empty():
    assert boilerplate_spans("Kestrel Motors sold 900 vans.\nIt plans a new model.") == []


def test_boilerplate_lexicon_is_well_formed():
    raw = yaml.safe_load(
        resources.files("evintel.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    )
    assert set(raw) == {"exact", "list_headers", "labels", "starts", "patterns"}
    for key, entries in raw.items():
        assert entries, key
        assert all(isinstance(e, str) and e.strip() == e and e for e in entries), key
        assert len(entries) == len(set(entries)), f"duplicate entries in {key}"
