/*
 * The ranked pages of query.js as Material's SearchResult: groups of SearchItems (a page and its
 * matching sections), titles and excerpts escaped with the matched words in <mark>, and as
 * `terms` the words found (Material highlights them on the page it opens) or missing.
 */
(function (root) {
  "use strict";

  const { fold, tokenPattern, tokenPieces, escapeHtml, hasJoiner } = root.crchSearch.text;

  const { DETAILED_PAGES } = root.crchSearch.query;
  const EXCERPT_LENGTH = 300;    // characters of section text shown under a result
  const EXCERPT_LEAD = 60;       // characters shown before the first match when the text is cut
  const SCANNED_LENGTH = 1000;   // characters of a section read for its first match at most

  /* fold() of the words of result texts, remembered: the same words come back in every text. */
  const foldedWords = new Map();
  function foldWord(word) {
    let folded = foldedWords.get(word);
    if (folded === undefined) foldedWords.set(word, folded = fold(word));
    return folded;
  }

  /* Whether a word (or one of its pieces) folds to one of the index terms the query matched. */
  function isMatched(word, matched) {
    return matched.has(foldWord(word)) || (hasJoiner(word) && tokenPieces(word).some(piece => matched.has(foldWord(piece))));
  }

  /*
   * The tokens of a text up to the end of its excerpt, and which of them matched: reading stops
   * once the excerpt around the first match is complete (or after SCANNED_LENGTH characters),
   * so long sections cost no more than short ones.
   */
  function scan(text, matched) {
    const pattern = tokenPattern(), found = [], marked = [];
    let first = -1, match;
    while ((match = pattern.exec(text)) !== null) {
      const token = { start: match.index, end: match.index + match[0].length, text: match[0] };
      found.push(token);
      marked.push(isMatched(token.text, matched));
      if (first < 0 && marked[marked.length - 1]) first = found.length - 1;
      const from = first < 0 ? 0 : Math.max(0, found[first].start - EXCERPT_LEAD);
      if (token.end >= from + EXCERPT_LENGTH && (first >= 0 || token.end >= SCANNED_LENGTH)) break;
    }
    return { found, marked };
  }

  /* The text between `from` and `to`, escaped, with the marked tokens in <mark>. */
  function markup(text, { found, marked }, from, to) {
    let html = "", position = from;
    found.forEach((token, i) => {
      if (!marked[i] || token.start < from || token.end > to) return;
      html += `${escapeHtml(text.slice(position, token.start))}<mark>${escapeHtml(token.text)}</mark>`;
      position = token.end;
    });
    return html + escapeHtml(text.slice(position, to));
  }

  /* A short excerpt of a section's text, starting a little before its first marked token. */
  function excerpt(text, scanned) {
    if (text.length <= EXCERPT_LENGTH) return markup(text, scanned, 0, text.length);
    const { found, marked } = scanned, first = marked.indexOf(true);
    let from = 0;
    if (first >= 0 && found[first].start > EXCERPT_LEAD)
      from = found.find(token => token.start >= found[first].start - EXCERPT_LEAD).start;
    let to = Math.min(text.length, from + EXCERPT_LENGTH);
    const last = found.filter(token => token.start >= from && token.end <= to).pop();
    if (to < text.length && last) to = last.end;
    return (from > 0 ? "… " : "") + markup(text, scanned, from, to) + (to < text.length ? " …" : "");
  }

  /* The text shown under a result: the section's, or a page's summary where that holds the match. */
  function shownText(doc, matched) {
    const text = scan(doc.text, matched);
    if (doc.summary && (!doc.text || !text.marked.includes(true))) {
      const summary = scan(doc.summary, matched);
      if (!doc.text || summary.marked.includes(true)) return { text: doc.summary, scanned: summary };
    }
    return { text: doc.text, scanned: text };
  }

  /* Material's `terms` of an item: for each concept, the words shown for it, or its words as typed
     with whether the page has them (Material lists the missing ones). */
  function itemTerms(shown, ranked, concepts) {
    const terms = {};
    concepts.forEach((concept, c) => {
      const words = shown.filter(token => concept.typed.some(word => foldWord(token.text).startsWith(word.folded.slice(0, 3))));
      if (ranked.found[c] && words.length) words.forEach(token => { terms[token.text.toLowerCase()] = true; });
      else concept.typed.forEach(word => { terms[word.typed] = ranked.found[c]; });
    });
    return terms;
  }

  function sectionItem(section, score, ranked, concepts) {
    const doc = section.doc, matched = section.terms, title = scan(doc.title, matched);
    const { text, scanned } = shownText(doc, matched);
    const item = { location: doc.location, score, terms: {} };
    item.title = markup(doc.title, title, 0, doc.title.length);
    item.text = text ? `<p>${excerpt(text, scanned)}</p>` : "";
    const shown = title.found.filter((_, i) => title.marked[i]).concat(scanned.found.filter((_, i) => scanned.marked[i]));
    item.terms = itemTerms(shown, ranked, concepts);
    if (doc.tags) item.tags = doc.tags.map(escapeHtml);
    return item;
  }

  /* A page as a plain SearchItem: its title only. */
  function pageItem(page, score, terms) {
    const item = { location: page.location, title: escapeHtml(page.title), text: "", score, terms };
    if (page.tags) item.tags = page.tags.map(escapeHtml);
    return item;
  }

  /*
   * Material's SearchResult: one group per page, best page first. The first pages come with
   * their matching sections, highlighted (the best first, carrying the page's score, so that
   * Material's Enter opens it); each later page as its title only, which keeps the answer to a
   * common word small (Material shows 10 pages at first, more on scrolling). Later pages that
   * miss the same words share one `terms` object: a message clones a shared object once, and
   * an answer to a common word lists every page.
   */
  function materialResult({ concepts, pages }) {
    const termsByFound = new Map();
    const titleTerms = ranked => {
      const key = ranked.found.join();
      let found = termsByFound.get(key);
      if (!found) {
        found = {};
        concepts.forEach((concept, c) => concept.typed.forEach(word => { found[word.typed] = ranked.found[c]; }));
        termsByFound.set(key, found);
      }
      return found;
    };
    const items = pages.map((ranked, position) => {
      if (position >= DETAILED_PAGES) return [pageItem(ranked.page, ranked.score, titleTerms(ranked))];
      const best = ranked.sections[0].score;
      const group = ranked.sections.map(section =>
        sectionItem(section, ranked.score * section.score / best, ranked, concepts));
      if (!ranked.sections.some(section => section.doc === ranked.page)) group.push(pageItem(ranked.page, 0, {}));
      return group;
    });
    return { items };
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, { results: { excerpt, scan, markup, materialResult } });
})(globalThis);
