/*
 * What a query means and which pages answer it best: the ranking rules (README, Search).
 *
 * - A query's words are folded as the index is. Function words of the page's language (the, i,
 *   za…) are not required and not matched, unless the query has nothing else.
 * - Each word matches, best first: itself; words it begins (only the word being typed and words
 *   of PREFIX_FROM letters or more); words sharing its stem (its first letters, for words of
 *   STEM_FROM letters or more: zastita finds zaštiti, returnees finds return); and, where the
 *   word itself is not in the index, words one edit away (from 5 letters) or two (from 8), ranked below all of those.
 * - A name in the glossary stands for every name of the same term in the three languages
 *   (ombudsman, ombudsperson, avokati i popullit): one concept with alternatives.
 * - A page answers the concepts its sections match, a match in its own entry (title, summary,
 *   number, ID, tags, first paragraphs) weighing twice one in a section; pages that match every
 *   concept come first (a page's score is multiplied by the square of the share it matches), and
 *   pages that miss more than one concept of a query are not listed when others miss fewer.
 * - Listing and meta pages (home, Browse, the Glossary, section indexes…) come after every
 *   document, unless their title holds the whole query (`glossary`, `translation status`).
 */
(function (root) {
  "use strict";

  const { fold, tokens } = root.crchSearch.text;
  const { hasRef } = root.crchSearch.restore;

  const QUALITY = { exact: 1, prefix: 0.7, stem: 0.5, typo1: 0.3, typo2: 0.18, typedTypo: 0.15 };
  const SYNONYM = 0.9;          // a match of another name of the same glossary term
  const PREFIX_FROM = 3;        // letters from which a finished word also matches the words it begins
  const STEM_FROM = 6;          // letters from which a word also matches words sharing its first letters
  const STEM_KEEP = 3;          // ...which are all but this many letters, and at least STEM_MIN
  const STEM_MIN = 5;
  const TYPO_EDITS = [[8, 2], [5, 1]];  // [letters, edits allowed]: two edits from 8 letters, one from 5
  const COMPLETIONS = 100;      // words a prefix stands for at most (the shortest)
  const TOGETHER = 1.5;         // score factor of a page with one section holding every concept
  const IN_TITLE = 2;           // score factor of a page whose title holds every concept
  const SECTION = 0.5;          // weight of a match in a section against one in the page's own entry
  const SPREAD = 0.1;           // weight of a concept's matches in a page's other sections
  const DETAILED_PAGES = 20;    // pages answered with their sections, highlighted; later ones by title
  const SECTIONS = 6;           // sections of a page listed under it at most (the best ones)

  /* The words of a query, folded, each once; `typing` marks the last one when nothing follows it. */
  function queryWords(query) {
    const found = tokens(query), words = [];
    found.forEach((token, i) => {
      const folded = fold(token.text);
      const typing = i === found.length - 1 && token.end === query.length;
      const known = words.find(word => word.folded === folded);
      if (known) known.typing = known.typing || typing;
      else if (folded) words.push({ typed: token.text.toLowerCase(), folded, typing });
    });
    return words;
  }

  /* Positions in the sorted terms of the words beginning with `prefix` (the COMPLETIONS shortest). */
  function completions(index, prefix) {
    const terms = index.terms;
    let low = 0, high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (terms[middle] < prefix) low = middle + 1; else high = middle;
    }
    const found = [];
    for (let i = low; i < terms.length && terms[i].startsWith(prefix); i++) found.push(i);
    if (found.length > COMPLETIONS) found.sort((a, b) => terms[a].length - terms[b].length).length = COMPLETIONS;
    return found;
  }

  /* The prefix a word's other forms share, or null for a short word. */
  function stemOf(word) {
    if (word.length < STEM_FROM || /\d/.test(word)) return null;
    return word.slice(0, Math.max(STEM_MIN, word.length - STEM_KEEP));
  }

  function editsAllowed(word) {
    if (/\d/.test(word)) return 0;  // an act number is typed exactly or not at all
    const rule = TYPO_EDITS.find(([letters]) => word.length >= letters);
    return rule ? rule[1] : 0;
  }

  /*
   * The words of the index within `edits` edits (insert, delete, substitute, swap two neighbours)
   * of `word`, as [term index, edits]: a walk down the index's TokenSet carrying one row of the
   * edit-distance table per letter, leaving a branch once every entry of its row is over `edits`.
   * With `asPrefix` (the word being typed), a path within reach of the whole word also stands for
   * every word it begins.
   */
  function typoMatches(index, word, edits, asPrefix) {
    const found = new Map(), size = word.length;
    const stack = [{ node: index.tokenSetOfTerms(), path: "", row: Array.from({ length: size + 1 }, (_, j) => j), before: null }];
    while (stack.length && found.size < COMPLETIONS) {
      const { node, path, row, before } = stack.pop();
      const distance = row[size];
      if (asPrefix && distance <= edits && path) {
        completions(index, path).forEach(term => { if (!found.has(term)) found.set(term, distance); });
        continue;
      }
      if (node.final && distance <= edits) found.set(index.termIndex.get(path), distance);
      for (const label in node.edges) {
        const next = [row[0] + 1], last = path.charAt(path.length - 1);
        let best = next[0];
        for (let j = 1; j <= size; j++) {
          next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (word[j - 1] === label ? 0 : 1));
          if (before && j > 1 && label === word[j - 2] && last === word[j - 1]) next[j] = Math.min(next[j], before[j - 2] + 1);
          if (next[j] < best) best = next[j];
        }
        if (best <= edits) stack.push({ node: node.edges[label], path: path + label, row: next, before: row });
      }
    }
    found.delete(undefined);
    return found;
  }

  /*
   * The index terms a query word stands for, each with the quality of the match: Map(term index ->
   * quality). `full` is false for another name of a glossary term (matched as written, prefix and stem).
   */
  function expand(index, word, typing, full) {
    const found = new Map();
    const add = (term, quality) => { if (!(found.get(term) >= quality)) found.set(term, quality); };
    const exact = index.termIndex.get(word);
    if (exact !== undefined) add(exact, QUALITY.exact);
    if (typing || word.length >= PREFIX_FROM) completions(index, word).forEach(term => add(term, QUALITY.prefix));
    const stem = stemOf(word);
    if (stem) completions(index, stem).forEach(term => add(term, QUALITY.stem));
    const edits = full ? editsAllowed(word) : 0;
    if (edits && exact === undefined) {
      typoMatches(index, word, edits, false).forEach((distance, term) =>
        add(term, distance <= 1 ? QUALITY.typo1 : QUALITY.typo2));
      if (typing && !found.size) typoMatches(index, word, edits, true).forEach((_, term) => add(term, QUALITY.typedTypo));
    }
    return found;
  }

  /* The glossary's names as folded word lists, longest first, each with its group (once per index). */
  function synonymPhrases(index) {
    if (!index.synonymPhrases) {
      index.synonymPhrases = index.synonyms.flatMap(group => group.map(phrase => ({ words: phrase.split(" "), group })))
        .sort((a, b) => b.words.length - a.words.length);
    }
    return index.synonymPhrases;
  }

  function contentWords(index, words) {
    return words.filter(word => !index.functionWords.has(word));
  }

  /*
   * The concepts of a query: [{typed: [words], alternatives: [{words: [{folded, typing, full}], quality}]}].
   * A run of query words that is a glossary name becomes one concept whose alternatives are every
   * name of its term; each other content word is a concept of its own.
   */
  function concepts(index, words) {
    const content = words.filter(word => !index.functionWords.has(word.folded));
    const kept = content.length ? content : words;  // a query of function words only is searched as typed
    const used = new Set(), found = [];
    for (const phrase of synonymPhrases(index)) {
      const length = phrase.words.length;
      for (let start = 0; start + length <= words.length; start++) {
        const run = words.slice(start, start + length);
        if (run.some(word => used.has(word)) || run.some((word, i) => word.folded !== phrase.words[i])) continue;
        if (!run.some(word => kept.includes(word))) continue;
        run.forEach(word => used.add(word));
        const typedPhrase = run.map(word => word.folded).join(" ");
        const alternatives = phrase.group.map(name => {
          const own = name === typedPhrase;
          const nameWords = contentWords(index, name.split(" "));
          return {
            quality: own ? 1 : SYNONYM,
            words: (nameWords.length ? nameWords : name.split(" ")).map((folded, i, all) =>
              ({ folded, typing: own && i === all.length - 1 && run[run.length - 1].typing, full: own }))
          };
        });
        found.push({ position: start, typed: run, alternatives });
      }
    }
    kept.filter(word => !used.has(word)).forEach(word => found.push({
      position: words.indexOf(word), typed: [word],
      alternatives: [{ quality: 1, words: [{ folded: word.folded, typing: word.typing, full: true }] }]
    }));
    return found.sort((a, b) => a.position - b.position);
  }

  /*
   * A query made ready to rank: its concepts, each word of each alternative with `terms`, the
   * index terms it stands for (Map term index -> quality, see expand). Only the terms are needed
   * for this, not their postings: termsOf tells which postings rank will read.
   */
  function prepare(index, text) {
    const found = concepts(index, queryWords(text));
    for (const concept of found)
      for (const alternative of concept.alternatives)
        for (const word of alternative.words) word.terms = expand(index, word.folded, word.typing, word.full);
    return { text, concepts: found };
  }

  /* The index terms a prepared query stands for (term indexes, each once). */
  function termsOf(prepared) {
    const terms = new Set();
    for (const concept of prepared.concepts)
      for (const alternative of concept.alternatives)
        for (const word of alternative.words) for (const term of word.terms.keys()) terms.add(term);
    return Array.from(terms);
  }

  /*
   * How well each section matches one concept: {scores: by section ref, inTitle: 1 where the
   * section's title holds it, terms: the index terms its words stood for}. A term whose postings
   * did not load (a shard that failed) matches nothing.
   */
  function conceptMatches(index, concept) {
    const count = index.docs.length, scores = new Float64Array(count), inTitle = new Uint8Array(count), terms = new Set();
    for (const alternative of concept.alternatives) {
      const words = alternative.words.map(word => {
        const best = new Float64Array(count), titled = new Uint8Array(count);
        for (const [term, quality] of word.terms) {
          if (!index.hasPostings(term)) continue;
          terms.add(term);
          const { refs, weights, titled: inTitles } = index.posting(term);
          for (let i = 0; i < refs.length; i++) {
            const ref = refs[i], weight = quality * weights[i];
            if (weight > best[ref]) best[ref] = weight;
            if (inTitles[i]) titled[ref] = 1;
          }
        }
        return { best, titled };
      });
      const quality = alternative.quality, length = words.length;
      for (let ref = 0; ref < count; ref++) {
        let total = 0, titled = 1;
        for (let w = 0; w < length; w++) {  // a name matches where all its words are
          const word = words[w], value = word.best[ref];
          if (!value) { total = 0; break; }
          total += value;
          titled &= word.titled[ref];
        }
        if (!total) continue;
        const value = total / length * quality;
        if (value > scores[ref]) scores[ref] = value;
        inTitle[ref] |= titled;
      }
    }
    return { scores, inTitle, terms: Array.from(terms) };
  }

  /* The index terms (folded words) matched in one section, for highlighting. */
  function matchedTerms(index, matches, ref) {
    const found = new Set();
    for (const match of matches)
      if (match.scores[ref]) match.terms.forEach(term => { if (hasRef(index.posting(term), ref)) found.add(index.terms[term]); });
    return found;
  }

  /*
   * The pages that answer a query, best first: {concepts, pages: [{page, score, found: [bool per
   * concept], listing}]}; the first `detailed` pages also carry `sections`: [{doc, score, terms}],
   * their SECTIONS best matching sections (the page's own entry among them if it matches), with
   * `terms` the folded words each matched (to highlight). `query` is the text, or a prepared
   * query (prepare) whose terms' postings are loaded.
   */
  function rank(index, query, detailed = DETAILED_PAGES) {
    const found = (typeof query === "string" ? prepare(index, query) : query).concepts;
    if (!found.length) return { concepts: found, pages: [] };
    const matches = found.map(concept => conceptMatches(index, concept));
    const total = found.length, pages = index.pages, count = index.docs.length, pageOf = index.pageOf;
    // Per page and concept (page position * total + concept): its best match and the sum of all.
    const best = new Float64Array(pages.length * total), spread = new Float64Array(pages.length * total);
    const sectionConcepts = new Uint8Array(count), together = new Uint8Array(pages.length), titled = new Uint8Array(pages.length);
    matches.forEach((match, c) => {
      const scores = match.scores;
      for (let ref = 0; ref < count; ref++) {
        const score = scores[ref];
        if (!score) continue;
        const position = pageOf[ref], own = pages[position].ref === ref, slot = position * total + c;
        const weighted = own ? score : score * SECTION;
        if (weighted > best[slot]) best[slot] = weighted;
        spread[slot] += weighted;
        if (++sectionConcepts[ref] === total) together[position] = 1;
        if (own && match.inTitle[ref]) titled[position] += 1;
      }
    });
    const coverage = new Uint8Array(pages.length);
    let most = 0;
    for (let position = 0; position < pages.length; position++) {
      for (let c = 0; c < total; c++) if (best[position * total + c]) coverage[position] += 1;
      most = Math.max(most, coverage[position]);
    }
    const least = Math.max(1, most - 1), ranked = [];
    for (let position = 0; position < pages.length; position++) {
      if (coverage[position] < least) continue;
      let score = 0;
      const foundHere = [];
      for (let c = 0; c < total; c++) {
        const slot = position * total + c;
        score += best[slot] + SPREAD * (spread[slot] - best[slot]);
        foundHere.push(best[slot] > 0);
      }
      score *= (coverage[position] / total) ** 2;
      if (total > 1 && together[position]) score *= TOGETHER;
      if (titled[position] === total) score *= IN_TITLE;
      const page = pages[position];
      ranked.push({ page, score, found: foundHere, listing: page.demoted && titled[position] < total });
    }
    ranked.sort((a, b) => a.listing - b.listing || b.score - a.score || a.page.ref - b.page.ref);
    ranked.slice(0, detailed).forEach(result => {
      const sections = [];
      for (let ref = result.page.ref; ref < result.page.end; ref++) {
        if (!sectionConcepts[ref]) continue;
        const own = ref === result.page.ref;
        const score = matches.reduce((sum, match) => sum + match.scores[ref], 0) * (own ? 1 : SECTION);
        sections.push({ doc: index.docs[ref], score });
      }
      sections.sort((a, b) => b.score - a.score);
      result.sections = sections.slice(0, SECTIONS);
      result.sections.forEach(section => { section.terms = matchedTerms(index, matches, section.doc.ref); });
    });
    return { concepts: found, pages: ranked };
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, {
    query: { queryWords, concepts, completions, stemOf, editsAllowed, typoMatches, expand, prepare, termsOf, rank, DETAILED_PAGES, SECTIONS }
  });
})(globalThis);
