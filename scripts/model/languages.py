"""The site's languages, read from the configuration: one typed object instead of copies of a list.

The list itself is mkdocs-static-i18n's (`plugins: i18n: languages:` in mkdocs.yml): its order, each
language's code (the folder under docs/), its name as the switcher shows it and which one is the
default (served at the site root, the others under `<code>/`). What static-i18n does not hold is
set, per language that needs it, in the project plugin's `languages:` option:

    - clearing-house:
        languages:
          sr: {html_lang: sr-Latn, babel_locale: sr_Latn, og_locale: sr_XK}

`html_lang` is the BCP 47 tag of the content (`lang="sr-Latn"`: Serbian here is written in Latin
script) and `babel_locale` the locale dates and numbers are formatted in; both default to the code.
`og_locale` is the Open Graph locale of the language's pages (`language_TERRITORY`); without it
pages carry no `og:locale`.
A language named there that static-i18n does not list is an error, so the two never drift apart.

An edition generated at build time from another language's pages (Serbian in Cyrillic script,
made from the Serbian Latin pages: scripts/cyrillic/) is an entry here with `generated_from`, and
is not in static-i18n's list: it has no folder under docs/ and no translation state of its own.

          sr-cyrl: {generated_from: sr, name: "Српски (ћирилица)", html_lang: sr-Cyrl}

`Languages` iterates over the languages with a docs folder (what static-i18n builds);
`Languages.editions` holds the generated ones, and `Languages.with_editions` both, in the
switcher's order: what is made for each part of the built site loops over that. Everything that loops over languages, builds URL
prefixes or writes `lang` attributes takes them from this object.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from scripts.model.project import CONFIG_FILE, display_path
from scripts.model.yaml_reader import read_file

I18N_PLUGIN = "i18n"
PROJECT_PLUGIN = "clearing-house"
LANGUAGE_SETTINGS = ("html_lang", "babel_locale", "og_locale")
SITE_TEXTS = ("site_name", "site_description", "copyright")  # per language in static-i18n's list, else the configuration's
EDITION_SETTINGS = ("generated_from", "name", *LANGUAGE_SETTINGS)


class LanguageError(ValueError):
    """The configuration's languages do not fit together (the message names the fix)."""


@dataclass(frozen=True)
class Language:
    code: str  # 'sr': the folder under docs/ and static-i18n's locale
    name: str  # 'Srpski', as the language switcher shows it
    default: bool  # served at the site root
    html_lang: str  # 'sr-Latn': the BCP 47 tag of the text, for lang=""
    babel_locale: str  # 'sr_Latn': for dates and numbers
    og_locale: str = ""  # 'sr_XK': Open Graph's language_TERRITORY ('' when not set)
    site_name: str = ""  # the site's name in this language (static-i18n's, else mkdocs.yml's)
    site_description: str = ""
    generated_from: str = ""  # a generated edition: the language its pages are made from ('sr')

    @property
    def prefix(self) -> str:
        """The URL path of this language's part of the site, from the site root: '' or 'sr/'."""
        return "" if self.default else f"{self.code}/"

    def site_path(self, rel_path: str) -> str:
        """URL path (directory URLs), from the site root, of the page at `rel_path` in this
        language's tree: 'acts/x.md' -> 'sr/acts/x/'; 'index.md' -> 'sr/' ('' for the default)."""
        stem = rel_path[: -len(".md")] if rel_path.endswith(".md") else rel_path
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
        else:
            stem += "/"
        return self.prefix + stem.lstrip("/")


@dataclass(frozen=True)
class Languages:
    """Every language of the site, in the configuration's order."""

    all: tuple[Language, ...]
    editions: tuple[Language, ...] = ()  # generated at build time, each from a language of `all`

    def __post_init__(self) -> None:
        defaults = [language.code for language in self.all]
        if not self.all or [language.default for language in self.all].count(True) != 1:
            raise LanguageError(f"exactly one language must be the default (languages: {', '.join(defaults)}): "
                                "set 'default: true' on one of the i18n plugin's languages")

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def __contains__(self, code: object) -> bool:
        return any(language.code == code for language in self.all)

    def __getitem__(self, code: str) -> Language:
        for language in self.all:
            if language.code == code:
                return language
        raise KeyError(code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    @property
    def default(self) -> Language:
        return next(language for language in self.all if language.default)

    @property
    def with_editions(self) -> tuple[Language, ...]:
        """Every part of the site a reader can open, in the switcher's order: the languages, each
        generated edition right after its source (sq, sr, sr-cyrl, en). What is made per part of
        the built site (404 pages, saved copies, Kiwix files, booklets) loops over these."""
        return tuple(part for language in self.all for part in (language, *self.editions_of(language.code)))

    def language_or_edition(self, code: str) -> Language:
        """The language or the generated edition with this code (KeyError for neither)."""
        edition = self.edition(code)
        return edition if edition is not None else self[code]

    def editions_of(self, code: str) -> tuple[Language, ...]:
        """The editions generated from the language `code` (the Cyrillic one from 'sr')."""
        return tuple(edition for edition in self.editions if edition.generated_from == code)

    def edition(self, code: str) -> Language | None:
        return next((edition for edition in self.editions if edition.code == code), None)

    def of_site_path(self, site_path: str) -> Language:
        """The language or edition whose part of the site a URL path ('sr/acts/x/', 'sr-cyrl/',
        '404.html') is in."""
        first = site_path.split("/", 1)[0]
        edition = self.edition(first)
        if edition is not None:
            return edition
        return self[first] if first in self and not self[first].default else self.default

    @classmethod
    def from_settings(cls, i18n_languages: list[dict[str, Any]], project_languages: dict[str, Any] | None = None,
                      site_texts: dict[str, Any] | None = None) -> Languages:
        """From static-i18n's `languages` list, the project plugin's `languages` mapping and the
        configuration's own `site_name` / `site_description` (`site_texts`, for the languages
        static-i18n gives none)."""
        extra = dict(project_languages or {})
        codes = [str(entry.get("locale")) for entry in i18n_languages]
        editions = tuple(_edition(str(code), settings, codes) for code, settings in extra.items()
                         if isinstance(settings, dict) and "generated_from" in settings)
        extra = {code: settings for code, settings in extra.items() if code not in {e.code for e in editions}}
        unknown = sorted(set(extra) - set(codes))
        if unknown:
            raise LanguageError(f"the clearing-house plugin's 'languages' names {', '.join(unknown)}, which the i18n "
                                f"plugin does not list (it lists {', '.join(codes)}): add it there or remove it here")
        found = []
        for entry, code in zip(i18n_languages, codes):
            settings = extra.get(code) or {}
            wrong = sorted(set(settings) - set(LANGUAGE_SETTINGS))
            if wrong:
                raise LanguageError(f"languages.{code}: unknown setting {', '.join(wrong)}: use {', '.join(LANGUAGE_SETTINGS)}")
            found.append(Language(code, str(entry.get("name") or code), bool(entry.get("default")),
                                  str(settings.get("html_lang") or code), str(settings.get("babel_locale") or code),
                                  str(settings.get("og_locale") or ""),
                                  *(str(entry.get(key) or (site_texts or {}).get(key) or "")
                                    for key in ("site_name", "site_description"))))
        return cls(tuple(found), editions)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Languages:
        """From a whole mkdocs.yml, read as data."""
        return cls.from_settings(plugin_settings(config, I18N_PLUGIN).get("languages") or [],
                                 plugin_settings(config, PROJECT_PLUGIN).get("languages"),
                                 {key: config.get(key) for key in SITE_TEXTS})


def _edition(code: str, settings: dict[str, Any], codes: list[str]) -> Language:
    """A generated edition from its entry in the project plugin's `languages`."""
    where = f"languages.{code}"
    wrong = sorted(set(settings) - set(EDITION_SETTINGS))
    if wrong:
        raise LanguageError(f"{where}: unknown setting {', '.join(wrong)}: use {', '.join(EDITION_SETTINGS)}")
    if code in codes:
        raise LanguageError(f"{where} is generated (generated_from), so the i18n plugin must not list it: "
                            "remove it from the i18n plugin's languages (it has no folder under docs/)")
    source = str(settings["generated_from"])
    if source not in codes:
        raise LanguageError(f"{where}: generated_from '{source}' is not a language of the i18n plugin "
                            f"(it lists {', '.join(codes)})")
    if not str(settings.get("name") or "").strip():
        raise LanguageError(f"{where}: a generated edition needs its 'name' as the language switcher shows it")
    return Language(code, str(settings["name"]), False, str(settings.get("html_lang") or code),
                    str(settings.get("babel_locale") or code), str(settings.get("og_locale") or ""),
                    generated_from=source)


@dataclass(frozen=True)
class SiteTexts:
    """The site's name, description and copyright line in one language."""

    site_name: str
    site_description: str
    copyright: str


def site_texts(config: dict[str, Any], code: str) -> SiteTexts:
    """The site's texts in a language, from a mkdocs.yml read as data: static-i18n's values for that
    language, else the top-level ones (which are the default language's). What is made from a built
    site for one language (a Kiwix file, the booklet) names the site with them."""
    entries = plugin_settings(config, I18N_PLUGIN).get("languages") or []
    own = next((entry for entry in entries if entry.get("locale") == code), {})
    return SiteTexts(*(str(own.get(key) or config.get(key) or "") for key in SITE_TEXTS))


def plugin_settings(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The settings of one plugin in a mkdocs.yml's `plugins:` list ({} when it has none)."""
    for plugin in config.get("plugins") or []:
        if plugin == name:
            return {}
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
    return {}


def has_plugin(config: dict[str, Any], name: str) -> bool:
    """Whether a mkdocs.yml's `plugins:` list names this plugin."""
    return any(plugin == name or (isinstance(plugin, dict) and name in plugin) for plugin in config.get("plugins") or [])


def read_config(config_file: Path = CONFIG_FILE) -> dict[str, Any]:
    """A mkdocs.yml as data, `!ENV` values read from the environment now (as MkDocs reads them)."""
    return read_file(config_file, display_path(config_file), environment=True).value or {}

