import codecs
import os

import pytest

from evintel.errors import IngestError
from evintel.ingest.encoding import decode_bytes

FRENCH = (
    "Société Générale Auto a vendu 12 500 véhicules électriques en août à Besançon.\n"
    "Le constructeur prévoit une hausse des ventes l'année prochaine, a déclaré le directeur général.\n"
)
GERMAN = (
    "Die Brennfeld AG investiert 300 Mio. € in ein Werk in Straßwalchen – „Ende 2026“ soll es losgehen.\n"
)
CHINESE = "开源汽车七月售出31400辆新能源汽车，创下历史新高。\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "utf-8"),
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (GERMAN, "cp1252"),
        (FRENCH, "utf-16"),
        (GERMAN, "utf-16"),
        (CHINESE, "utf-16"),
        (CHINESE, "utf-8"),
        (FRENCH, "utf-8-sig"),
        (GERMAN, "utf-32"),
    ],
)
def test_decode_bytes_recovers_text(text, encoding):
    assert decode_bytes(text.encode(encoding), "story.txt") == text


def test_decode_bytes_strips_utf8_bom():
    assert decode_bytes(codecs.BOM_UTF8 + b"Hello there", "x.txt") == "Hello there"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"%PDF-1.4\n\x00\x01\x02\x03" * 50,
        os.urandom(4096) + b"\x00",
        bytes(range(1, 32)) * 40,
    ],
)
def test_decode_bytes_rejects_binary(data):
    with pytest.raises(IngestError, match="binary file, not text") as info:
        decode_bytes(data, "photo.jpg")
    assert info.value.item == "photo.jpg"


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t\n", codecs.BOM_UTF8])
def test_decode_bytes_rejects_empty(data):
    with pytest.raises(IngestError, match="empty file"):
        decode_bytes(data, "blank.txt")
