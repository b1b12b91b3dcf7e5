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
  var EXACT_BOOST = 10;        // a whole-word match ranks above a prefix match
  var INFLECTED = /^[a-z]{5,}[aeiou]$/;  // a folded word whose last vowel may be an inflection
  var EXCERPT_LENGTH = 300;    // characters of section text shown under a result
  var EXCERPT_LEAD = 60;       // characters shown before the first match when the text is cut

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

  /* The text between `from` and `to`, escaped, with the tokens that matched the query in <mark>. */
  function markup(text, found, from, to) {
    var html = "", position = from;
    for (var i = 0; i < found.length; i++) {
      var token = found[i];
      if (!token.matched || token.start < from || token.end > to) continue;
      html += escapeHtml(text.slice(position, token.start)) + "<mark>" + escapeHtml(token.text) + "</mark>";
      position = token.end;
    }
    return html + escapeHtml(text.slice(position, to));
  }

  /* Tokens of a text, each marked when it (or one of its pieces) is one of the matched index terms. */
  function matchTokens(text, matched) {
    var found = tokens(text);
    found.forEach(function (token) {
      token.matched = [token.text].concat(tokenPieces(token.text)).some(function (piece) {
        return matched.has(fold(piece));
      });
    });
    return found;
  }

  /* A short excerpt of a section's text, starting a little before its first match. */
  function excerpt(text, found) {
    if (text.length <= EXCERPT_LENGTH) return markup(text, found, 0, text.length);
    var first = found.find(function (token) { return token.matched; });
    var from = 0;
    if (first && first.start > EXCERPT_LEAD) {
      var lead = found.find(function (token) { return token.start >= first.start - EXCERPT_LEAD; });
      from = lead.start;
    }
    var to = Math.min(text.length, from + EXCERPT_LENGTH);
    var last = found.filter(function (token) { return token.end <= to && token.start >= from; }).pop();
    if (to < text.length && last) to = last.end;
    return (from > 0 ? "… " : "") + markup(text, found, from, to) + (to < text.length ? " …" : "");
  }

  /* lunr's serialised index from the compact form of scripts/search_index.py (compact_index). */
  function expandIndex(compact) {
    var invertedIndex = compact.invertedIndex.map(function (entry, position) {
      var posting = { _index: position };
      compact.fields.forEach(function (field) {
        var matches = {};
        (entry[1][field] || []).forEach(function (ref) { matches[ref] = {}; });
        posting[field] = matches;
      });
      return [entry[0], posting];
    });
    return Object.assign({}, compact, { invertedIndex: invertedIndex });
  }

  /* The prebuilt index of one language, as written by scripts/search_index.py. */
  function SearchEngine(payload) {
    this.index = lunr.Index.load(expandIndex(payload.index));
    this.docs = [];
    this.pages = new Map();
    var page = null;
    for (var i = 0; i < payload.docs.length; i++) {
      var entry = payload.docs[i];
      var doc = { location: entry[0], title: entry[1], text: entry[2], tags: entry[3] };
      if (doc.location.charAt(0) === "#") {
        doc.location = page.location + doc.location;
        doc.parent = page;
      } else {
        page = doc;
        this.pages.set(doc.location, doc);
      }
      this.docs.push(doc);
    }
  }

  /* Material's SearchResult: items grouped by page, best first, each group holding its page. */
  SearchEngine.prototype.search = function (query) {
    var typed = [], folded = [];
    tokens(query).forEach(function (token) {
      var term = fold(token.text);
      if (term && folded.indexOf(term) < 0) {
        folded.push(term);
        typed.push(token.text.toLowerCase());
      }
    });
    if (!folded.length) return { items: [] };
    var results = this.index.query(function (builder) {
      folded.forEach(function (term) {
        builder.term(term, { boost: EXACT_BOOST });
        builder.term(prefixOf(term), { wildcard: lunr.Query.wildcard.TRAILING });
      });
    });
    var docs = this.docs, pages = this.pages;
    var items = results.map(function (result) {
      var doc = docs[+result.ref];
      var matched = new Set(Object.keys(result.matchData.metadata));
      var titleTokens = matchTokens(doc.title, matched);
      var textTokens = matchTokens(doc.text, matched);
      var terms = {}, found = 0;
      folded.forEach(function (term, i) {
        var prefix = prefixOf(term);
        var hit = Array.from(matched).some(function (key) { return key.indexOf(prefix) === 0; });
        found += hit;
        var shown = titleTokens.concat(textTokens).filter(function (token) {
          return token.matched && fold(token.text).indexOf(prefix) === 0;
        });
        if (hit && shown.length)
          shown.forEach(function (token) { terms[token.text.toLowerCase()] = true; });
        else
          terms[typed[i]] = hit;
      });
      var boost = (doc.parent ? 0 : 1) + found / folded.length;
      var item = {
        location: doc.location,
        title: markup(doc.title, titleTokens, 0, doc.title.length),
        text: doc.text ? "<p>" + excerpt(doc.text, textTokens) + "</p>" : "",
        score: result.score * (1 + boost * boost),
        terms: terms
      };
      if (doc.tags) item.tags = doc.tags.map(escapeHtml);
      return item;
    }).sort(function (a, b) { return b.score - a.score; });

    var groups = new Map();
    items.forEach(function (item) {
      var page = item.location.split("#")[0];
      if (!groups.has(page)) groups.set(page, []);
      groups.get(page).push(item);
    });
    groups.forEach(function (group, page) {
      if (!group.some(function (item) { return item.location === page; })) {
        var doc = pages.get(page);
        var pageItem = { location: page, title: escapeHtml(doc.title), text: "", score: 0, terms: {} };
        if (doc.tags) pageItem.tags = doc.tags.map(escapeHtml);
        group.push(pageItem);
      }
    });
    return { items: Array.from(groups.values()) };
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
    MESSAGE: MESSAGE,
    fold: fold,
    tokens: tokens,
    indexTerms: indexTerms,
    expandIndex: expandIndex,
    SearchEngine: SearchEngine,
    createMessageHandler: createMessageHandler
  };
})(self);
