/*
 * The project's search in the browser: folding, tokenising, querying the prebuilt lunr index of
 * one language, and answering Material's search-worker messages (SETUP -> READY, QUERY -> RESULT).
 *
 * Loaded after lunr.js and folding.js, by worker.js (importScripts) and on file:// by
 * file-worker.js (<script> tags); it only defines `self.crchSearch`. The folding rules come from
 * folding.json, which the Python indexer reads too (scripts/folding.py): both sides must agree.
 */
(function (root) {
  "use strict";

  var rules = root.crchSearchFolding;
  var lunr = root.lunr;
  var combiningMarks = new RegExp(rules.combining_marks, "gu");
  var tokenPattern = rules.word_character + "+(?:" + rules.joiner + rules.word_character + "+)*";
  var joinerPattern = new RegExp(rules.joiner, "gu");

  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };  // Material's SearchMessageType
  var EXACT_BONUS = 1;         // a section with the word as typed scores up to twice one with another form
  var INFLECTED = /^[a-z]{5,}[aeiou]$/;  // a folded word whose last vowel may be an inflection
  var EXCERPT_LENGTH = 300;    // characters of section text shown under a result
  var EXCERPT_LEAD = 60;       // characters shown before the first match when the text is cut
  var HIGHLIGHTED_PAGES = 20;  // pages answered with their sections, highlighted; later ones by title
  var SCANNED_LENGTH = 2000;   // characters of a section read for its first match at most

  /* Lower-case, transliterate, drop accents: the form in which text is indexed and queried. */
  function fold(text) {
    var stripped = String(text).toLowerCase().normalize("NFD").replace(combiningMarks, ""), mapped = "";
    for (var character of stripped)
      mapped += Object.prototype.hasOwnProperty.call(rules.characters, character)
        ? rules.characters[character] : character;
    return mapped.normalize("NFC");
  }

  /* Every token of a text with its position: [{start, end, text}]. */
  function tokens(text) {
    var found = [], pattern = new RegExp(tokenPattern, "gu"), match;
    while ((match = pattern.exec(text)) !== null)
      found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    return found;
  }

  /* Parts, prefixes and suffixes of a joined token: 03/L-047 -> 03, L, 047, 03/L, L-047. */
  function tokenPieces(token) {
    var starts = [0], ends = [], match;
    joinerPattern.lastIndex = 0;
    while ((match = joinerPattern.exec(token)) !== null) {
      ends.push(match.index);
      starts.push(match.index + match[0].length);
    }
    if (!ends.length) return [];
    ends.push(token.length);
    var parts = [], prefixes = [], suffixes = [];
    for (var i = 0; i < starts.length; i++) parts.push(token.slice(starts[i], ends[i]));
    for (var j = 1; j < parts.length - 1; j++) {
      prefixes.push(token.slice(0, ends[j]));
      suffixes.push(token.slice(starts[j]));
    }
    return parts.concat(prefixes, suffixes);
  }

  /* The unfolded terms a text adds to the index (the same as scripts/folding.py index_terms). */
  function indexTerms(text) {
    return tokens(text).reduce(function (terms, token) {
      return terms.concat([token.text], tokenPieces(token.text));
    }, []);
  }

  function foldToken(token) {
    return token.update(function (text) { return fold(text); });
  }
  lunr.Pipeline.registerFunction(foldToken, "crchFold");

  /* The prefix a query word matches words by: its stem when its ending may be inflected, so that
     zastita finds zaštiti and zaštitu, and ceshtje finds çështjet. */
  function prefixOf(term) {
    return INFLECTED.test(term) ? term.slice(0, -1) : term;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (character) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[character];
    });
  }

  /* fold() of the words of result texts, remembered: the same words come back in every text. */
  var foldedWords = new Map();
  function foldWord(word) {
    var folded = foldedWords.get(word);
    if (folded === undefined) foldedWords.set(word, folded = fold(word));
    return folded;
  }

  /* Whether a word (or one of its pieces) folds to one of the index terms the query matched. */
  function isMatched(word, matched) {
    return matched.has(foldWord(word)) || tokenPieces(word).some(function (piece) {
      return matched.has(foldWord(piece));
    });
  }

  /*
   * The tokens of a text up to the end of its excerpt, and which of them matched: reading stops
   * once the excerpt around the first match is complete (or after SCANNED_LENGTH characters),
   * so long sections cost no more than short ones.
   */
  function scan(text, matched) {
    var pattern = new RegExp(tokenPattern, "gu"), found = [], marked = [], first = -1, match;
    while ((match = pattern.exec(text)) !== null) {
      var token = { start: match.index, end: match.index + match[0].length, text: match[0] };
      found.push(token);
      marked.push(isMatched(token.text, matched));
      if (first < 0 && marked[marked.length - 1]) first = found.length - 1;
      var from = first < 0 ? 0 : Math.max(0, found[first].start - EXCERPT_LEAD);
      if (token.end >= from + EXCERPT_LENGTH && (first >= 0 || token.end >= SCANNED_LENGTH)) break;
    }
    return { found: found, marked: marked };
  }

  /* The text between `from` and `to`, escaped, with the marked tokens in <mark>. */
  function markup(text, found, marked, from, to) {
    var html = "", position = from;
    for (var i = 0; i < found.length; i++) {
      var token = found[i];
      if (!marked[i] || token.start < from || token.end > to) continue;
      html += escapeHtml(text.slice(position, token.start)) + "<mark>" + escapeHtml(token.text) + "</mark>";
      position = token.end;
    }
    return html + escapeHtml(text.slice(position, to));
  }

  /* A short excerpt of a section's text, starting a little before its first marked token. */
  function excerpt(text, found, marked) {
    if (text.length <= EXCERPT_LENGTH) return markup(text, found, marked, 0, text.length);
    var first = marked.indexOf(true), from = 0;
    if (first >= 0 && found[first].start > EXCERPT_LEAD) {
      from = found.find(function (token) { return token.start >= found[first].start - EXCERPT_LEAD; }).start;
    }
    var to = Math.min(text.length, from + EXCERPT_LENGTH);
    var last = found.filter(function (token) { return token.start >= from && token.end <= to; }).pop();
    if (to < text.length && last) to = last.end;
    return (from > 0 ? "… " : "") + markup(text, found, marked, from, to) + (to < text.length ? " …" : "");
  }

  /*
   * lunr's serialised index from the compact form of scripts/search_index.py (compact_index):
   * the postings get back every field and their refs, and each section's field vectors are
   * computed from the term frequencies as lunr.js's Builder computes them (BM25, k1 = 1.2,
   * b = 0.75, weights rounded to 3 decimals).
   */
  function expandIndex(compact, documentCount) {
    var fields = Object.keys(compact.fieldBoosts), k1 = 1.2, b = 0.75;
    var noMetadata = {};  // lunr only copies a posting's metadata: one empty object serves every posting
    var frequencies = fields.map(function () { return new Array(documentCount); });  // [field][ref] -> [term, tf, …]
    var lengths = fields.map(function () { return new Float64Array(documentCount); });
    var totals = fields.map(function () { return 0; });
    var idf = [];  // lunr.idf: from the number of postings of the term over all fields
    var invertedIndex = compact.invertedIndex.map(function (entry, termIndex) {
      var posting = { _index: termIndex }, postings = 0;
      for (var f = 0; f < fields.length; f++) {
        var refs = {}, items = entry[1][fields[f]] || [], ref = 0;
        for (var i = 0; i < items.length; i++) {
          var item = items[i], frequency = typeof item === "number" ? 1 : item[1];
          ref += typeof item === "number" ? item : item[0];
          refs[ref] = noMetadata;
          (frequencies[f][ref] = frequencies[f][ref] || []).push(termIndex, frequency);
          lengths[f][ref] += frequency;
          totals[f] += frequency;
        }
        posting[fields[f]] = refs;
        postings += items.length;
      }
      idf.push(Math.log(1 + Math.abs((documentCount - postings + 0.5) / (postings + 0.5))));
      return [entry[0], posting];
    });
    var fieldVectors = [];
    fields.forEach(function (field, f) {
      var average = totals[f] / documentCount, boost = compact.fieldBoosts[field];
      frequencies[f].forEach(function (pairs, ref) {
        var norm = k1 * (1 - b + b * (lengths[f][ref] / average)), elements = new Array(pairs.length);
        for (var i = 0; i < pairs.length; i += 2) {
          var frequency = pairs[i + 1];
          var score = idf[pairs[i]] * ((k1 + 1) * frequency) / (norm + frequency) * boost;
          elements[i] = pairs[i];
          elements[i + 1] = Math.round(score * 1000) / 1000;
        }
        fieldVectors.push([field + "/" + ref, elements]);
      });
    });
    return {
      version: compact.version,
      fields: fields,
      fieldVectors: fieldVectors,
      invertedIndex: invertedIndex,
      pipeline: compact.pipeline
    };
  }

  /* The prebuilt index of one language, as written by scripts/search_index.py. */
  function SearchEngine(payload) {
    this.index = lunr.Index.load(expandIndex(payload.index, payload.docs.length));
    this.docs = [];
    var page = null;
    for (var i = 0; i < payload.docs.length; i++) {
      var entry = payload.docs[i];
      var doc = { location: entry[0], title: entry[1], text: entry[2], tags: entry[3] };
      if (doc.location.charAt(0) === "#") {
        doc.location = page.location + doc.location;
        doc.parent = page;
      } else {
        page = doc;
      }
      this.docs.push(doc);
    }
  }

  /* The words of a query: as typed (for Material's "missing" list), folded, and the prefix they match by. */
  function queryTerms(query) {
    var terms = [];
    tokens(query).forEach(function (token) {
      var folded = fold(token.text);
      if (folded && !terms.some(function (term) { return term.folded === folded; }))
        terms.push({ typed: token.text.toLowerCase(), folded: folded, prefix: prefixOf(folded) });
    });
    return terms;
  }

  /* Material's SearchItem for a matching doc: title and excerpt with the matched words in <mark>,
     and as `terms` the words found (Material highlights them on the page it opens). */
  function resultItem(match, terms) {
    var doc = match.doc, item = { location: doc.location, score: match.score, terms: {} };
    var matched = new Set(Object.keys(match.metadata)), title = scan(doc.title, matched), text = scan(doc.text, matched);
    item.title = markup(doc.title, title.found, title.marked, 0, doc.title.length);
    item.text = doc.text ? "<p>" + excerpt(doc.text, text.found, text.marked) + "</p>" : "";
    var shown = title.found.filter(function (_, i) { return title.marked[i]; })
      .concat(text.found.filter(function (_, i) { return text.marked[i]; }));
    terms.forEach(function (term, i) {
      var words = shown.filter(function (token) { return foldWord(token.text).indexOf(term.prefix) === 0; });
      if (match.hits[i] && words.length)
        words.forEach(function (token) { item.terms[token.text.toLowerCase()] = true; });
      else
        item.terms[term.typed] = match.hits[i];
    });
    if (doc.tags) item.tags = doc.tags.map(escapeHtml);
    return item;
  }

  /* A page as a plain SearchItem: its title only. */
  function pageItem(page, score, found) {
    var item = { location: page.location, title: escapeHtml(page.title), text: "", score: score, terms: found };
    if (page.tags) item.tags = page.tags.map(escapeHtml);
    return item;
  }

  /*
   * Material's SearchResult: items grouped by page, best group first. The first pages come with
   * their matching sections, highlighted; each later page as its title only, which keeps the
   * answer to a common word small (Material shows 10 pages at first, more on scrolling).
   */
  SearchEngine.prototype.search = function (query) {
    var terms = queryTerms(query);
    if (!terms.length) return { items: [] };
    var results = this.index.query(function (builder) {
      terms.forEach(function (term) {
        builder.term(term.prefix, { wildcard: lunr.Query.wildcard.TRAILING });
      });
    });
    var docs = this.docs;
    var matches = results.map(function (result) {
      var doc = docs[+result.ref], metadata = result.matchData.metadata, exact = 0;
      var matched = terms.length > 1 ? Object.keys(metadata) : null;  // a single word is in every match
      var hits = terms.map(function (term) {
        if (metadata[term.folded]) exact += 1;
        return !matched || matched.some(function (key) { return key.indexOf(term.prefix) === 0; });
      });
      var boost = (doc.parent ? 0 : 1) + hits.filter(Boolean).length / terms.length;
      var score = result.score * (1 + boost * boost) * (1 + EXACT_BONUS * exact / terms.length);
      return { doc: doc, metadata: metadata, hits: hits, score: score };
    }).sort(function (a, b) { return b.score - a.score; });

    var groups = new Map();
    matches.forEach(function (match) {
      var page = match.doc.parent || match.doc;
      if (!groups.has(page)) groups.set(page, []);
      groups.get(page).push(match);
    });
    var items = [];
    groups.forEach(function (pageMatches, page) {
      if (items.length < HIGHLIGHTED_PAGES) {
        var group = pageMatches.map(function (match) { return resultItem(match, terms); });
        if (!pageMatches.some(function (match) { return match.doc === page; })) group.push(pageItem(page, 0, {}));
        items.push(group);
      } else {
        var found = {};
        terms.forEach(function (term, i) {
          found[term.typed] = pageMatches.some(function (match) { return match.hits[i]; });
        });
        items.push([pageItem(page, pageMatches[0].score, found)]);
      }
    });
    return { items: items };
  };

  /*
   * Answers Material's messages: SETUP loads the index (once) and answers READY; QUERY answers
   * RESULT. `loadPayload` returns the index payload (or a promise of it); `reply` posts a message.
   */
  function createMessageHandler(loadPayload, reply) {
    var engine = null;
    function fail(error) {
      root.console.error("search: " + (error && error.message || error));
    }
    return function (message) {
      if (message.type === MESSAGE.SETUP) {
        engine = engine || Promise.resolve().then(loadPayload).then(function (payload) {
          return new SearchEngine(payload);
        });
        engine.then(function () { reply({ type: MESSAGE.READY }); }, fail);
      } else if (message.type === MESSAGE.QUERY && engine) {
        engine.then(function (loaded) {
          reply({ type: MESSAGE.RESULT, data: loaded.search(message.data) });
        }).catch(fail);
      }
    };
  }

  root.crchSearch = {
    fold: fold,
    tokens: tokens,
    indexTerms: indexTerms,
    expandIndex: expandIndex,
    SearchEngine: SearchEngine,
    createMessageHandler: createMessageHandler
  };
})(self);
