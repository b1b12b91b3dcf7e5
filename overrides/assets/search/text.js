/*
 * Folding and tokenising, as the Python indexer does them (scripts/search/folding.py): the rules come
 * from folding.json (loaded before this file as `crchSearchFolding`, see scripts/search/browser_files.py).
 * Used by the search engine and by the directory filter, so both treat text alike.
 */
(function (root) {
  "use strict";

  const rules = root.crchSearchFolding;
  const combiningMarks = new RegExp(rules.combining_marks, "gu");
  const tokenSource = `${rules.word_character}+(?:${rules.joiner}${rules.word_character}+)*`;
  const joinerPattern = new RegExp(rules.joiner, "gu");
  const joiner = new RegExp(rules.joiner, "u");
  const characters = new Map(Object.entries(rules.characters));

  /* Lower-case, transliterate, drop accents: the form in which text is indexed and queried. */
  function fold(text) {
    let mapped = "";
    for (const character of String(text).toLowerCase().normalize("NFD").replace(combiningMarks, ""))
      mapped += characters.has(character) ? characters.get(character) : character;
    return mapped.normalize("NFC");
  }

  /* A fresh global regular expression matching one token (a reader keeps its own lastIndex). */
  function tokenPattern() {
    return new RegExp(tokenSource, "gu");
  }

  /* Every token of a text with its position: [{start, end, text}]. */
  function tokens(text) {
    const found = [], pattern = tokenPattern();
    let match;
    while ((match = pattern.exec(text)) !== null)
      found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    return found;
  }

  /* Whether a token is joined (02/2010, roma-ashkali): only such a token has pieces. */
  function hasJoiner(token) {
    return joiner.test(token);
  }

  /* Parts, prefixes and suffixes of a joined token: 03/L-047 -> 03, L, 047, 03/L, L-047. */
  function tokenPieces(token) {
    const starts = [0], ends = [];
    for (const match of token.matchAll(joinerPattern)) {
      ends.push(match.index);
      starts.push(match.index + match[0].length);
    }
    if (!ends.length) return [];
    ends.push(token.length);
    const parts = starts.map((start, i) => token.slice(start, ends[i]));
    const middle = parts.slice(1, -1).map((_, i) => i + 1);
    return parts.concat(middle.map(j => token.slice(0, ends[j])), middle.map(j => token.slice(starts[j])));
  }

  /* The unfolded terms a text adds to the index (the same as scripts/search/folding.py index_terms). */
  function indexTerms(text) {
    return tokens(text).flatMap(token => [token.text, ...tokenPieces(token.text)]);
  }

  const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };
  const HTML_SPECIAL = /[&<>"']/, HTML_SPECIALS = /[&<>"']/g;
  function escapeHtml(text) {
    const string = String(text);
    return HTML_SPECIAL.test(string) ? string.replace(HTML_SPECIALS, character => HTML_ESCAPES[character]) : string;
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, {
    text: { fold, tokenPattern, tokens, hasJoiner, tokenPieces, indexTerms, escapeHtml }
  });
})(globalThis);
