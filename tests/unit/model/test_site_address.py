"""The site's address: a site path becomes a URL only when the address is known."""

from __future__ import annotations

import pytest

from scripts.model.site_address import AddressError, SiteAddress


def test_without_an_address_there_is_no_url():
    address = SiteAddress.parse("")
    assert not address and address.url("sr/acts/x/") is None and SiteAddress.parse(None) == address


def test_an_address_gets_its_slash_and_paths_are_quoted():
    address = SiteAddress.parse(" https://rights.example.org/crch ")
    assert address.base == "https://rights.example.org/crch/" and address.path == "/crch/"
    assert address.url("") == "https://rights.example.org/crch/"
    assert address.url("sr/acts/x y/") == "https://rights.example.org/crch/sr/acts/x%20y/"


@pytest.mark.parametrize("value", ["rights.example.org", "ftp://rights.example.org/", "https://x.org/?a=1", "https:///x"])
def test_what_cannot_be_an_address_says_how_to_write_one(value):
    with pytest.raises(AddressError, match="like https://rights.example.org/"):
        SiteAddress.parse(value)
