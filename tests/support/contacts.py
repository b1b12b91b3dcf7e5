"""A small valid contacts file (docs/data/contacts.yml) for the contacts tests."""

from __future__ import annotations

NAME = "{sq: Zyra, sr: Kancelarija, en: Office}"
GOOD = f"""\
contacts:
  - id: olc
    body: language-commissioner
    name: {NAME}
    phones: ["038 200 14 612"]
    source: http://www.komisioneri-ks.org/?page=1,58
    source_date: 2017-10-22
"""
